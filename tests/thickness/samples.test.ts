import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { memoryIo } from '../../src/io/io.js';
import { ROOT } from '../helpers/run-cli.js';
import { expectValidOutput } from '../helpers/schema.js';

/*
 * The bundled simulated study: samples/README.md gives the LBP − control differences computed in
 * R (scripts/sim/check-thickness.R) to two decimals: percent change of the mean thicknesses
 * −3.55 (ES) and −1.89 (GM); per trial pair, then averaged, −3.49 and −1.88; resting thickness
 * −0.94 and −0.02 mm. Each subject's value is the mean of its two sides, as here in the `L+R` rows.
 */

type Row = Record<string, unknown>;

async function differences(args: string[]): Promise<Row[]> {
  const io = memoryIo();
  const code = await main(['thickness', '--json', join(ROOT, 'samples', 'thickness.csv'), ...args], io);
  expect(code, io.err.join('')).toBe(0);
  const doc = JSON.parse(io.out.join(''));
  expectValidOutput(doc);
  expect(doc.pairing).toMatchObject({ unpaired_rows: 0, missing_trials: 0, cells_without_pair: 0 });
  return doc.differences as Row[];
}

const pooled = (rows: Row[], muscle: string, measure: string) =>
  rows.find((r) => r.muscle === muscle && r.side === 'L+R' && r.measure === measure && r.focal_group === 'LBP' && r.reference_group === 'control')?.difference as number;

describe('samples/thickness.csv: the group differences of samples/README.md', () => {
  it('per-trial change averaged (the default): −3.49 (ES), −1.88 (GM); rest −0.94, −0.02 mm', async () => {
    const d = await differences([]);
    expect(Math.abs(pooled(d, 'ES', 'change_pct') - -3.49)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(pooled(d, 'GM', 'change_pct') - -1.88)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(pooled(d, 'ES', 'rest_mm') - -0.94)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(pooled(d, 'GM', 'rest_mm') - -0.02)).toBeLessThanOrEqual(0.005);
  });
  it('--change-from means: −3.55 (ES), −1.89 (GM)', async () => {
    const d = await differences(['--change-from', 'means']);
    expect(Math.abs(pooled(d, 'ES', 'change_pct') - -3.55)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(pooled(d, 'GM', 'change_pct') - -1.89)).toBeLessThanOrEqual(0.005);
  });
});
