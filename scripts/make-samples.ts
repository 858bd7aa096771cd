/**
 * Regenerates the simulated sample study in `samples/` (`npm run samples`).
 *
 *   node --import tsx scripts/make-samples.ts [--out DIR] [--subjects sub-C01,sub-L01] [--quiet]
 *
 * Deterministic: the same seeds give byte-identical text; see samples/README.md.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSamples } from './sim/generate-samples.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    subjects: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const outDir = values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'samples');
const subjects = values.subjects?.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
const summary = generateSamples({ outDir, subjects });
if (!values.quiet) {
  process.stderr.write(`wrote ${summary.files.length} files to ${outDir}\n`);
  process.stdout.write(JSON.stringify({ ...summary, files: undefined }, null, 2) + '\n');
}
