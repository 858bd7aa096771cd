import { UsageError } from '../errors.js';
import { findColumn, type TextTable } from '../io/read-table.js';

/**
 * Index of the column a flag names: the exact header first, then case-insensitively with spaces
 * and dashes read as `_`. An unknown name is a usage error (exit 2) that lists the columns.
 */
export function compareColumn(table: TextTable, flag: string, name: string): number {
  const exact = table.header.indexOf(name);
  if (exact >= 0) return exact;
  const j = findColumn(table.header, [name.trim().toLowerCase().replace(/[\s-]+/g, '_')]);
  if (j >= 0) return j;
  throw new UsageError(`${flag} column "${name}" is not in ${table.path}; its columns are ${table.header.join(', ')}`);
}
