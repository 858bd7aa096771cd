/**
 * Estimates the number of rows in `totalBytes` of delimited text from a sample of its first bytes:
 * `totalBytes / bytesPerRow * 1.05` plus a small margin, where `bytesPerRow` is the sample length
 * over its line feeds. Meant as `NumericCsvOptions.expectedRows`: a slight overestimate costs only
 * untouched (virtual) memory, an underestimate a copy of every column.
 *
 * @param sample - the first bytes of the rows (at least a few lines for a useful estimate)
 * @param totalBytes - size in bytes of all the rows, the sample included
 * @returns an estimated row count (at least 1)
 */
export function estimateNumericRows(sample: Uint8Array, totalBytes: number): number {
  let lines = 0;
  for (let i = sample.indexOf(10); i >= 0; i = sample.indexOf(10, i + 1)) lines++;
  if (lines === 0 || totalBytes <= sample.length) return lines + 1;
  const bytesPerRow = sample.length / lines;
  return Math.ceil((totalBytes / bytesPerRow) * 1.05) + 16;
}
