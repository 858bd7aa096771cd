import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import type { CommandResult } from '../io/output.js';
import { renderTable } from '../render/table.js';
import { mergeShards } from '../study/merge-study.js';
import type { CommandModule } from './command-module.js';
import { addOutputOptions } from './options.js';

export const mergeCommand: CommandModule = {
  name: 'merge',
  register(program: Command): Command {
    const cmd = program
      .command('merge')
      .description('combine the output folders of `run --shard i/n` (all n of them) into the outputs of one run')
      .argument('<shard-dirs...>', 'output folders of run --shard 1/n … n/n')
      .requiredOption('--out <dir>', 'output folder of the merged study')
      .option('--force', 'write into a folder that holds another study');
    return addOutputOptions(cmd);
  },
  async run(args: string[], options: Record<string, unknown>, _io: Io): Promise<CommandResult> {
    const o = options as { out: string; force?: boolean };
    const s = await mergeShards(args, o.out, Boolean(o.force));
    return {
      command: 'merge',
      params: { shard_dirs: args, out: s.outDir, force: Boolean(o.force) },
      inputs: [],
      results: s.comparisons?.results ?? [],
      warnings: [],
      extra: { summary: { shards: s.shards, files: s.files, processed: s.processed, failed: s.failed, outputs: s.outputs }, exclusions: s.exclusions },
      csv: s.comparisons?.csv,
      human: ({ colour }) =>
        renderTable({ title: `merged ${s.shards} shards → ${s.outDir}`, head: ['files', 'processed', 'failed'], rows: [[s.files, s.processed, s.failed]] }, colour) +
        (s.comparisons ? `\n${s.comparisons.human({ colour })}` : ''),
      exitCode: s.failed > 0 ? 1 : 0,
    };
  },
};
