import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import type { CommandResult } from '../io/output.js';

/**
 * A subcommand: `register` declares its arguments and options on a commander `Command`;
 * `run` does the work and returns a result for the CLI to print. `run` never exits the process.
 */
export interface CommandModule {
  name: string;
  register(program: Command): Command;
  run(args: string[], options: Record<string, unknown>, io: Io): Promise<CommandResult>;
}
