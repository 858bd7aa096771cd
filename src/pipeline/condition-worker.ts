import { parentPort } from 'node:worker_threads';
import { MyoscopeError } from '../errors.js';
import { conditionChannel } from './condition-channel.js';
import type { WorkerReply, WorkerRequest } from './condition-recording.js';

/** Worker thread: conditions one channel per message and moves the result back. */
parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const samples = conditionChannel(req.samples, req.fsHz, req.params);
    reply = { id: req.id, ok: true, samples };
    parentPort?.postMessage(reply, [samples.buffer as ArrayBuffer]);
  } catch (err) {
    const e = err as Error;
    reply = { id: req.id, ok: false, error: { name: e.name, message: e.message, exitCode: err instanceof MyoscopeError ? err.exitCode : undefined } };
    parentPort?.postMessage(reply);
  }
});
