import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import type { CommandResult } from '../io/output.js';
import { renderTable } from '../render/table.js';
import { defaultJobs } from '../pipeline/condition-recording.js';
import { verifyStudy } from '../study/verify-study.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions, parseNumber } from './options.js';

/** Default relative tolerance of `verify`. */
export const VERIFY_RTOL = 1e-9;

export const verifyCommand: CommandModule = {
  name: 'verify',
  register(program: Command): Command {
    const cmd = program
      .command('verify')
      .description('re-run the study a results folder records and check every number still holds (exit 1 when not)')
      .argument('<results-dir>', 'output folder of `myoscope run` (with provenance.json)')
      .option('--rtol <x>', 'relative tolerance for numbers', String(VERIFY_RTOL))
      .option('--jobs <n>', 'worker threads for the re-run (default: number of cores)');
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, _io: Io): Promise<CommandResult> {
    const o = options as { rtol: string; jobs?: string };
    const rtol = parseNumber('--rtol', o.rtol, { min: 0 });
    const jobs = o.jobs !== undefined ? parseNumber('--jobs', o.jobs, { integer: true, min: 1 }) : defaultJobs();
    const r = await verifyStudy(args[0], rtol, jobs);
    const ok = r.problems.length === 0;
    return {
      command: 'verify',
      params: { results_dir: args[0], rtol, jobs },
      inputs: [],
      results: r.problems as unknown as Record<string, unknown>[],
      warnings: [],
      extra: { summary: { ok, inputs_checked: r.inputs_checked, outputs_checked: r.outputs_checked, values_compared: r.values_compared, problems: r.problems.length } },
      human: ({ colour }) =>
        ok
          ? `verified ${args[0]}: ${r.inputs_checked} inputs unchanged, ${r.values_compared} values in ${r.outputs_checked} outputs hold within rtol ${rtol}\n`
          : renderTable(
              {
                title: `${args[0]}: ${r.problems.length} problem(s)`,
                head: ['kind', 'file', 'where', 'recorded', 'now', 'rel. diff'],
                rows: r.problems.slice(0, 50).map((p) => [p.kind, p.file, p.where, p.recorded, p.now, p.rel_diff]),
              },
              colour,
            ) + (r.problems.length > 50 ? `… and ${r.problems.length - 50} more (--json lists all)\n` : ''),
      exitCode: ok ? 0 : 1,
    };
  },
};
