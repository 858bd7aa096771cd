import { Command, CommanderError } from 'commander';
import { EXIT, MyoscopeError } from './errors.js';
import { COMMANDS } from './commands/registry.js';
import { outputFormat } from './commands/options.js';
import { processIo, type Io } from './io/io.js';
import { jsonDocument, type CommandResult } from './io/output.js';
import { toCsv } from './render/csv.js';
import { TOOL } from './version.js';

/** Whether to colour output on this stream (a TTY, and NO_COLOR unset). */
export function useColour(io: Io): boolean {
  return io.stdoutIsTTY && (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '');
}

/** Prints a command's result in the format asked for. */
export function printResult(result: CommandResult, opts: { json?: boolean; csv?: boolean }, io: Io): void {
  const format = outputFormat(opts);
  if (format === 'json') io.stdout(jsonDocument(result, TOOL));
  else if (format === 'csv') io.stdout(toCsv(result.csv?.records ?? result.results, { columns: result.csv?.columns }));
  else io.stdout(result.human({ colour: useColour(io) }));
  for (const w of result.warnings) io.stderr(`myoscope: warning: ${w}\n`);
}

export function buildProgram(io: Io, onResult: (r: CommandResult, opts: Record<string, unknown>) => void): Command {
  const program = new Command();
  program
    .name('myoscope')
    .description('Surface-EMG and RUSI muscle-thickness analysis for low-back-pain research and clinics')
    .version(TOOL.version, '-V, --version', 'print the version')
    .option('--debug', 'print the stack of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const mod of COMMANDS) {
    const cmd = mod.register(program);
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    cmd.action(async (...a: unknown[]) => {
      const command = a[a.length - 1] as Command;
      const options = command.opts();
      const args = command.args.map(String);
      const result = await mod.run(args, options, io);
      onResult(result, options);
    });
  }
  return program;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and returns the exit code
 * (DESIGN.md: 0 ok, 1 check failed, 2 usage, 3 bad input, 4 internal error).
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (result, options) => {
    printResult(result, options as { json?: boolean; csv?: boolean }, io);
    exitCode = result.exitCode ?? EXIT.ok;
  });
  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error (exit 2, not 1).
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof MyoscopeError) {
      io.stderr(`myoscope: error: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(`myoscope: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (argv.includes('--debug')) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
    else io.stderr('myoscope: this is a bug; run again with --debug for the stack\n');
    return EXIT.internal;
  }
}
