import { Chalk } from 'chalk';
import Table from 'cli-table3';

/** Human-readable tables (cli-table3); colour only when asked for. */
export interface TableSpec {
  title?: string;
  head: string[];
  rows: (string | number | boolean | null | undefined)[][];
  /** Column indexes to right-align (numbers). */
  alignRight?: number[];
}

export function renderTable(spec: TableSpec, colour: boolean): string {
  const chalk = new Chalk({ level: colour ? 1 : 0 });
  const table = new Table({
    head: spec.head.map((h) => chalk.bold(h)),
    style: { head: [], border: colour ? ['grey'] : [] },
    colAligns: spec.head.map((_, j) => (spec.alignRight?.includes(j) ? 'right' : 'left')),
  });
  for (const row of spec.rows) table.push(row.map((c) => formatCell(c)));
  const title = spec.title ? `${chalk.bold.cyan(spec.title)}\n` : '';
  return `${title}${table.toString()}\n`;
}

/** Numbers to at most 4 significant decimals for reading; JSON and CSV keep full precision. */
export function formatCell(c: string | number | boolean | null | undefined): string {
  if (c === null || c === undefined) return '–';
  if (typeof c === 'number') return formatNumber(c);
  return String(c);
}

export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return '–';
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}
