/**
 * Progress on stderr: a redrawn bar on a terminal, otherwise a plain line every 10 % (and at the end),
 * so logs of CI runs stay readable.
 */
export function progressReporter(write: (s: string) => void, isTTY: boolean, label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    if (total === 0) return;
    if (isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      write(`${label}: ${done}/${total} files\n`);
    }
  };
}
