/**
 * Plain delimited text with `\n` line endings and a final newline (CSV/TSV without quoting: the
 * simulator never writes a delimiter, quote or newline inside a field).
 */

/** `comments` become `# …` lines before the header. */
export function delimitedText(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  delimiter: ',' | '\t',
  comments: readonly string[] = [],
): string {
  const lines = comments.map((c) => `# ${c}`);
  lines.push(header.join(delimiter));
  for (const row of rows) {
    for (const field of row) {
      const s = String(field);
      if (s.includes(delimiter) || s.includes('\n') || s.includes('"')) {
        throw new Error(`field ${JSON.stringify(s)} would need quoting`);
      }
    }
    lines.push(row.join(delimiter));
  }
  return lines.join('\n') + '\n';
}
