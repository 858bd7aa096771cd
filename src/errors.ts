/**
 * Error classes and the exit-code contract (DESIGN.md "Command contract").
 *
 *   0 success · 1 a requested check failed · 2 bad usage · 3 bad input data · 4 internal error
 *
 * Pure layers (dsp, stats) throw {@link ParameterError} for out-of-range parameters; the CLI maps
 * every {@link MyoscopeError} to its exit code and anything else to 4.
 */

export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  input: 3,
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class MyoscopeError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad usage: unknown flag, invalid option value, unknown channel. Exit 2. */
export class UsageError extends MyoscopeError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/**
 * A parameter outside its valid range (a corner above Nyquist, a window longer than the signal).
 * Thrown by the pure layers; it is a usage error at the command line. Exit 2.
 */
export class ParameterError extends MyoscopeError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Where in an input file a problem sits. Line and column are 1-based. */
export interface InputLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Bad input data: unreadable file, malformed CSV, irregular sampling. Exit 3. */
export class InputError extends MyoscopeError {
  readonly location: InputLocation;
  readonly detail: string;
  constructor(location: InputLocation, detail: string) {
    super(`${formatLocation(location)}: ${detail}`, EXIT.input);
    this.location = location;
    this.detail = detail;
  }
}

/** A check the user asked for failed (verify drift, a quality gate). Exit 1. */
export class CheckFailedError extends MyoscopeError {
  constructor(message: string) {
    super(message, EXIT.checkFailed);
  }
}

/** `file:line:column`, leaving out the parts that are unknown. */
export function formatLocation({ file, line, column }: InputLocation): string {
  let s = file;
  if (line !== undefined) {
    s += `:${line}`;
    if (column !== undefined) s += `:${column}`;
  }
  return s;
}
