import { parentPort } from 'node:worker_threads';
import { type ComputeTask, runComputeTask } from './compute-task.js';

// One bootstrap at a time, off the API's event loop; the pool sends the next only when this one answered.
parentPort!.on('message', ({ id, task }: { id: number; task: ComputeTask }) => {
  try {
    parentPort!.postMessage({ id, result: runComputeTask(task) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
