import type { CommandModule } from './command-module.js';
import { activationCommand } from './activation.js';
import { compareCommand } from './compare.js';
import { inspectCommand } from './inspect.js';
import { mergeCommand } from './merge.js';
import { onsetCommand } from './onset.js';
import { processCommand } from './process.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { thicknessCommand } from './thickness.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: CommandModule[] = [
  inspectCommand,
  processCommand,
  onsetCommand,
  thicknessCommand,
  activationCommand,
  compareCommand,
  runCommand,
  verifyCommand,
  mergeCommand,
  reportCommand,
];

/** The command named `name`, if there is one. */
export function findCommand(name: string): CommandModule | undefined {
  return COMMANDS.find((c) => c.name === name);
}
