import { parentPort } from 'node:worker_threads';
import { MyoscopeError } from '../errors.js';
import { conditionChannelInPlace } from './condition-channel.js';
import type { WorkerReply, WorkerRequest } from './condition-recording.js';

/** Worker thread: conditions one channel per message, in place, and moves its buffer back. */
parentPort?.on('message', (req: WorkerRequest) => {
  try {
    const x = new Float64Array(req.buffer, req.byteOffset, req.length);
    const y = conditionChannelInPlace(x, req.fsHz, req.params);
    const reply: WorkerReply = { id: req.id, ok: true, buffer: y.buffer as ArrayBuffer, byteOffset: y.byteOffset, length: y.length };
    parentPort?.postMessage(reply, [reply.buffer]);
  } catch (err) {
    const e = err as Error;
    const reply: WorkerReply = { id: req.id, ok: false, error: { name: e.name, message: e.message, exitCode: err instanceof MyoscopeError ? err.exitCode : undefined } };
    parentPort?.postMessage(reply);
  }
});
