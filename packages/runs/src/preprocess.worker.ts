import { parentPort, workerData } from 'node:worker_threads';
import { batchPreparer } from './prepare-batch.js';
import type { PreprocessJob, PreprocessResult, PreprocessWorkerData } from './preprocess-job.js';

// A worker thread of the PreprocessPool: decodes and preprocesses batches while the main thread runs the model.
const prepare = batchPreparer((workerData as PreprocessWorkerData).input);
const port = parentPort;
if (port === null) throw new Error('preprocess.worker must run as a worker thread');
port.postMessage('ready');
port.on('message', (job: PreprocessJob) => {
  void prepare(job.files, job.faces).then(({ tensor, errors }) => {
    const result: PreprocessResult = { seq: job.seq, tensor, errors };
    port.postMessage(result, [tensor.buffer as ArrayBuffer]);
  });
});
