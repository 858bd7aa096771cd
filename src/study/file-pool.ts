import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MyoscopeError, type ExitCode } from '../errors.js';
import { analyseFile, type FileJob } from './steps.js';
import type { TrialRow } from './rows.js';

const WORKER_URL = new URL('./study-worker.js', import.meta.url);

export type FileOutcome = { index: number; ok: true; rows: TrialRow[]; warnings: string[] } | { index: number; ok: false; reason: string; exitCode?: number };

/**
 * Analyses files on `jobs` worker threads (or this thread when jobs is 1 or there is no compiled
 * worker), calling `onDone` in completion order. Stops handing out work once `shouldStop()` is true.
 */
export async function analyseFiles(jobsList: FileJob[], jobs: number, onDone: (o: FileOutcome) => void, shouldStop: () => boolean): Promise<void> {
  const useWorkers = jobs > 1 && jobsList.length > 1 && existsSync(fileURLToPath(WORKER_URL));
  let next = 0;
  if (!useWorkers) {
    for (const job of jobsList) {
      if (shouldStop()) break;
      onDone(await analyseOne(job));
    }
    return;
  }
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(jobs, jobsList.length) }, () => {
        const worker = new Worker(WORKER_URL, { execArgv: [] });
        workers.push(worker);
        return new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= jobsList.length || shouldStop()) return resolve();
            worker.postMessage(jobsList[next++]);
          };
          worker.on('message', (o: FileOutcome) => {
            onDone(o);
            send();
          });
          worker.on('error', reject);
          send();
        });
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** One file, errors caught and turned into an outcome (a failed file is excluded, not fatal). */
export async function analyseOne(job: FileJob): Promise<FileOutcome> {
  try {
    const { rows, warnings } = await analyseFile(job);
    return { index: job.item.index, ok: true, rows, warnings };
  } catch (err) {
    if (err instanceof MyoscopeError) return { index: job.item.index, ok: false, reason: err.message, exitCode: err.exitCode as ExitCode };
    return { index: job.item.index, ok: false, reason: `internal error: ${(err as Error)?.message ?? String(err)}`, exitCode: 4 };
  }
}
