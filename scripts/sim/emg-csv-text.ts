/**
 * The wide EMG CSV layout of the samples: `#` comment lines (including `# fs=…`), a header of
 * `name (unit)` columns, one row per sample, no time column.
 */

/** Values are written with `decimals` digits after the point. */
export function emgCsvText(
  channels: readonly Float64Array[],
  headers: readonly string[],
  comments: readonly string[],
  decimals: number,
): string {
  const n = channels[0].length;
  const parts: string[] = comments.map((c) => `# ${c}\n`);
  parts.push(headers.join(',') + '\n');
  const row: string[] = new Array(channels.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < channels.length; c++) row[c] = channels[c][i].toFixed(decimals);
    parts.push(row.join(',') + '\n');
  }
  return parts.join('');
}
