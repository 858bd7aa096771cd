import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io/io.js';
import type { CommandResult } from '../io/output.js';
import { progressReporter } from '../render/progress.js';
import { renderTable } from '../render/table.js';
import { defaultJobs } from '../pipeline/condition-recording.js';
import { runStudy, type Shard } from '../study/run-study.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, parseNumber } from './options.js';

/** Warnings printed on stderr by `run` before the rest go to run.log only. */
const MAX_SHOWN_WARNINGS = 5;

export function parseShard(raw: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`--shard "${raw}" must be i/n, e.g. 1/4`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new UsageError(`--shard ${raw}: i must be from 1 to n`);
  return { index, count };
}

export const runCommand: CommandModule = {
  name: 'run',
  register(program: Command): Command {
    const cmd = program
      .command('run')
      .description('run a whole study from one config: every recording, then per-subject and group tables, with provenance')
      .argument('<study.yaml>', 'study configuration (see docs/study.md)')
      .option('--out <dir>', 'output folder', 'myoscope-results')
      .option('--jobs <n>', 'worker threads (default: number of cores)')
      .option('--force', 'write into a folder that holds other files')
      .option('--fail-fast', 'stop at the first file that fails')
      .option('--shard <i/n>', 'analyse only the i-th of n interleaved parts of the files; combine parts with `myoscope merge`');
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult> {
    const o = options as { out: string; jobs?: string; force?: boolean; failFast?: boolean; shard?: string };
    const jobs = o.jobs !== undefined ? parseNumber('--jobs', o.jobs, { integer: true, min: 1 }) : defaultJobs();
    const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
    const outDir = resolve(o.out);
    const logLines: string[] = [];
    const log = (line: string) => logLines.push(`${new Date().toISOString()} ${line}`);
    const t0 = Date.now();
    const summary = await runStudy({
      configPath: args[0],
      outDir,
      jobs,
      force: Boolean(o.force),
      failFast: Boolean(o.failFast),
      shard,
      progress: progressReporter(io.stderr, io.stderrIsTTY, 'myoscope run'),
      log,
    });
    for (const w of summary.warnings) log(`warning: ${w}`);
    log(`done in ${((Date.now() - t0) / 1000).toFixed(2)} s with ${jobs} job(s)`);
    appendFileSync(join(outDir, 'run.log'), `${logLines.join('\n')}\n`);
    for (const e of summary.exclusions) io.stderr(`myoscope: excluded ${e.file}: ${e.reason}\n`);
    const results = summary.comparisons?.results ?? [];
    return {
      command: 'run',
      params: { config: args[0], out: outDir, jobs, force: Boolean(o.force), fail_fast: Boolean(o.failFast), shard: shard ? `${shard.index}/${shard.count}` : null },
      inputs: summary.inputs,
      results,
      // A study of hundreds of files can repeat one warning hundreds of times: the first few on
      // stderr, all of them in run.log (and in --json).
      warnings: summary.warnings.length > MAX_SHOWN_WARNINGS && !(options as { json?: boolean }).json
        ? [...summary.warnings.slice(0, MAX_SHOWN_WARNINGS), `… and ${summary.warnings.length - MAX_SHOWN_WARNINGS} more warnings in ${join(outDir, 'run.log')}`]
        : summary.warnings,
      extra: {
        summary: { files: summary.files, processed: summary.processed, failed: summary.failed, excluded: summary.exclusions.length, outputs: summary.outputs },
        exclusions: summary.exclusions,
      },
      csv: summary.comparisons?.csv ? summary.comparisons.csv : undefined,
      human: ({ colour }) => {
        const head = renderTable(
          {
            title: `study → ${outDir}`,
            head: ['files', 'processed', 'failed', 'outputs'],
            rows: [[summary.files, summary.processed, summary.failed, summary.outputs.join(', ')]],
          },
          colour,
        );
        return summary.comparisons ? `${head}\n${summary.comparisons.human({ colour })}` : head;
      },
      exitCode: summary.failed > 0 ? 1 : 0,
    };
  },
};
