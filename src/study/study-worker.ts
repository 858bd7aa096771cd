import { parentPort } from 'node:worker_threads';
import { analyseOne } from './file-pool.js';
import type { FileJob } from './steps.js';

/** Worker thread of `myoscope run`: one recording per message. */
parentPort?.on('message', (job: FileJob) => {
  void analyseOne(job).then((outcome) => parentPort?.postMessage(outcome));
});
