import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Prng } from '../../scripts/sim/prng.js';
import { expectAllClose } from '../helpers/expect-all-close.js';

interface Case {
  seed: number;
  state: number[];
  uint32: number[];
  normal: number[];
}
const reference = JSON.parse(readFileSync(new URL('../fixtures/samples/prng-reference.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('Prng (xoshiro128** seeded by SplitMix64)', () => {
  it.each(reference.cases)('matches the reference C code for seed $seed', (c) => {
    const rng = new Prng(c.seed);
    expect(Array.from({ length: c.uint32.length }, () => rng.nextUint32())).toEqual(c.uint32);
  });

  it.each(reference.cases)('gives the Box–Muller normals of the reference for seed $seed', (c) => {
    const rng = new Prng(c.seed);
    const z = Array.from({ length: c.normal.length }, () => rng.normal());
    // Same uniforms; libm and V8's log/cos/sin may differ in the last ulp.
    expectAllClose(z, c.normal, { rtol: 1e-14, atol: 1e-15 }, 'normal');
  });

  it('derives streams from the FNV-1a hash of their names', () => {
    // FNV-1a 32-bit test vectors: "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968.
    for (const [name, hash] of [['a', 0xe40c292c], ['foobar', 0xbf9cf968]] as const) {
      const viaStream = Prng.stream(7, name);
      const direct = new Prng(7 * 2 ** 32 + hash);
      expect(Array.from({ length: 4 }, () => viaStream.nextUint32())).toEqual(Array.from({ length: 4 }, () => direct.nextUint32()));
    }
  });

  it('keeps differently named streams apart', () => {
    const a = Prng.stream(1, 'sub-C01', 'mvc');
    const b = Prng.stream(1, 'sub-C01', 'armraise');
    expect(a.nextUint32()).not.toBe(b.nextUint32());
  });

  it('keeps truncated normals inside their bounds and rejects an empty interval', () => {
    const rng = new Prng(3);
    const xs = Array.from({ length: 2000 }, () => rng.truncGauss(0, 1, -0.5, 2));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...xs)).toBeLessThanOrEqual(2);
    expect(() => rng.truncGauss(0, 1, 1, 0)).toThrow(/empty/);
  });

  it('rejects a seed that is not a non-negative safe integer', () => {
    expect(() => new Prng(-1)).toThrow(/seed -1/);
    expect(() => new Prng(1.5)).toThrow(/seed 1.5/);
  });
});
