// `npm run bench`: every benchmark with a stated target, one after the other.
//   1. loading a 16-channel, 10-minute, 2 kHz CSV (MB/s, peak RSS)      bench/load.js
//   2. process CSV → CSV against pandas + SciPy, and the chain's compute  bench/process.js
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const script of ['load.js', 'process.js']) {
  const r = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
