import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { conditionChannel, type ConditionParams } from './condition-channel.js';

/** The compiled worker beside this module (absent when running from TypeScript sources). */
const WORKER_URL = new URL('./condition-worker.js', import.meta.url);

export interface WorkerRequest {
  id: number;
  samples: Float64Array;
  fsHz: number;
  params: ConditionParams;
}

export type WorkerReply = { id: number; ok: true; samples: Float64Array } | { id: number; ok: false; error: { name: string; message: string; exitCode?: number } };

/** Default parallelism: one worker per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Conditions every channel, spreading channels over `jobs` worker threads (each thread runs the
 * whole chain on one channel at a time; the channel's buffer is moved, not copied). With `jobs` 1,
 * or when no compiled worker exists (running from sources), it runs on this thread.
 *
 * `channels` are consumed: after the call their buffers may be detached. Results keep the order.
 */
export async function conditionChannels(channels: Float64Array[], fsHz: number, params: ConditionParams, jobs: number): Promise<Float64Array[]> {
  const useWorkers = jobs > 1 && channels.length > 1 && existsSync(fileURLToPath(WORKER_URL));
  if (!useWorkers) return channels.map((x) => conditionChannel(x, fsHz, params));
  const results: Float64Array[] = new Array(channels.length);
  const workerCount = Math.min(jobs, channels.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: workerCount }, () => {
        const worker = new Worker(WORKER_URL);
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= channels.length) {
              resolve();
              return;
            }
            const id = next++;
            let samples = channels[id];
            // Move the buffer when the array owns it whole; otherwise copy (a shared buffer must stay).
            if (samples.byteOffset !== 0 || samples.byteLength !== samples.buffer.byteLength) samples = samples.slice();
            const req: WorkerRequest = { id, samples, fsHz, params };
            worker.postMessage(req, [samples.buffer as ArrayBuffer]);
          };
          worker.on('message', (reply: WorkerReply) => {
            if (reply.ok) {
              results[reply.id] = reply.samples;
              send();
            } else {
              reject(Object.assign(new Error(reply.error.message), reply.error));
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
