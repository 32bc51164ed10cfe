import { parentPort, workerData } from 'node:worker_threads';
import { OrtModel } from '../ort-model.js';
import type { FromSessionWorker, SessionWorkerData, ToSessionWorker } from './messages.js';

// One onnxruntime session on its own thread (WorkerOrtModel): its runs block this thread, not the runner's.
const port = parentPort;
if (port === null) throw new Error('session.worker must run as a worker thread');
const { card, file, providers, options } = workerData as SessionWorkerData;
const send = (message: FromSessionWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

OrtModel.open(card, file, providers, options).then(
  (model) => {
    send({ kind: 'opened', batchPlan: model.batchPlan, executionProvider: model.executionProvider });
    // One run at a time, in the order asked: a message that arrives during a run waits for it.
    let queue = Promise.resolve();
    port.on('message', (job: ToSessionWorker) => {
      queue = queue.then(async () => {
        if (job.kind === 'release') {
          await model.release();
          port.close();
          return;
        }
        try {
          const out = await model.predict(job.batch, job.count);
          send({ kind: 'predicted', seq: job.seq, out }, [out.buffer as ArrayBuffer]);
        } catch (error) {
          send({ kind: 'predict-failed', seq: job.seq, message: message(error) });
        }
      });
    });
  },
  (error: unknown) => {
    send({ kind: 'open-failed', message: message(error) });
    port.close();
  },
);
