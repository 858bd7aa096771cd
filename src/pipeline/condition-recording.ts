import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { MyoscopeError, type ExitCode } from '../errors.js';
import { conditionChannelInPlace, type ConditionParams } from './condition-channel.js';

/** The compiled worker beside this module (absent when running from TypeScript sources). */
const WORKER_URL = new URL('./condition-worker.js', import.meta.url);

/** A channel moved to a worker: its whole buffer, and where the samples sit in it. */
export interface WorkerRequest {
  id: number;
  buffer: ArrayBuffer;
  byteOffset: number;
  length: number;
  fsHz: number;
  params: ConditionParams;
}

export type WorkerReply =
  | { id: number; ok: true; buffer: ArrayBuffer; byteOffset: number; length: number }
  | { id: number; ok: false; error: { name: string; message: string; exitCode?: number } };

/** Default parallelism: one worker per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Conditions every channel, spreading channels over `jobs` worker threads. Each thread runs the
 * whole chain on one channel at a time, in place (no copy of the signal); a channel's buffer is
 * moved to the thread and back, never copied. With `jobs` 1, or when no compiled worker exists
 * (running from sources), it runs on this thread, also in place.
 *
 * `channels` are consumed: their contents are overwritten and their buffers may be detached. Use
 * the returned arrays (same order).
 */
export async function conditionChannels(channels: Float64Array[], fsHz: number, params: ConditionParams, jobs: number): Promise<Float64Array[]> {
  const useWorkers = jobs > 1 && channels.length > 1 && existsSync(fileURLToPath(WORKER_URL));
  if (!useWorkers) {
    return channels.map((x) => conditionChannelInPlace(x, fsHz, params));
  }
  // A buffer can move to one thread only: channels sharing one get their own copy first.
  const seen = new Set<ArrayBufferLike>();
  channels = channels.map((x) => {
    if (seen.has(x.buffer)) return x.slice();
    seen.add(x.buffer);
    return x;
  });
  const results: Float64Array[] = new Array(channels.length);
  const workerCount = Math.min(jobs, channels.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workerCount }, () => {
        const worker = new Worker(WORKER_URL, { execArgv: [] });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= channels.length) {
              resolve();
              return;
            }
            const id = next++;
            const x = channels[id];
            const req: WorkerRequest = { id, buffer: x.buffer as ArrayBuffer, byteOffset: x.byteOffset, length: x.length, fsHz, params };
            worker.postMessage(req, [req.buffer]);
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.ok) {
              results[reply.id] = new Float64Array(reply.buffer, reply.byteOffset, reply.length);
              send();
            } else {
              const e = reply.error;
              reject(e.exitCode !== undefined ? new MyoscopeError(e.message, e.exitCode as ExitCode) : Object.assign(new Error(e.message), { name: e.name }));
            }
          });
          worker.on('error', reject);
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
