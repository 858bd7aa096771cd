/**
 * Seeded pseudo-random numbers for the sample-study simulator.
 *
 * xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c) on 32-bit
 * integers, its state filled from SplitMix64 (https://prng.di.unimi.it/splitmix64.c) as the
 * authors recommend. Normal deviates come from the Box–Muller transform. Everything is plain
 * integer arithmetic plus `Math.log`, `Math.sqrt`, `Math.cos` and `Math.sin`, so one seed gives
 * the same stream on every platform Node runs on.
 */

const MASK64 = (1n << 64n) - 1n;

/** One SplitMix64 step: returns the new state and the 64-bit output. */
function splitMix64(state: bigint): { state: bigint; value: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { state: next, value: z ^ (z >> 31n) };
}

/** FNV-1a (32-bit) of a UTF-16 string, used to turn stream names into seeds. */
function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A seeded xoshiro128** generator with uniform and normal deviates. */
export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  /**
   * @param seed any integer in [0, 2^53); expanded to the 128-bit state by SplitMix64
   *   (first output → words 0 and 1, low half first; second output → words 2 and 3).
   */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed ${seed} must be a non-negative safe integer`);
    }
    let st = BigInt(seed);
    const a = splitMix64(st);
    st = a.state;
    const b = splitMix64(st);
    this.s0 = Number(a.value & 0xffffffffn);
    this.s1 = Number(a.value >> 32n);
    this.s2 = Number(b.value & 0xffffffffn);
    this.s3 = Number(b.value >> 32n);
    this.spareNormal = undefined;
  }

  /**
   * A generator for one named stream under a master seed (below 2^21), e.g. `Prng.stream(seed, 'sub-C01', 'mvc')`.
   * Streams with different names are independent, so one subject can be regenerated alone and
   * still come out identical to a full run.
   */
  static stream(masterSeed: number, ...names: string[]): Prng {
    const h = fnv1a32(names.join('\u0000'));
    // Combine to a 53-bit integer: master seed (mod 2^21) in the high part, stream hash in the low 32 bits.
    return new Prng((masterSeed % 0x200000) * 0x100000000 + h);
  }

  /** Next raw 32-bit output (an integer in [0, 2^32)). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform deviate in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform deviate in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Standard normal deviate (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return z;
    }
    const u1 = 1 - this.uniform(); // (0, 1]: log is finite
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spareNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** Normal deviate with the given mean and standard deviation. */
  gauss(mean: number, sd: number): number {
    return mean + sd * this.normal();
  }

  /** Normal deviate redrawn until it falls in [lo, hi] (a truncated normal by rejection). */
  truncGauss(mean: number, sd: number, lo: number, hi: number): number {
    if (!(lo <= hi)) throw new RangeError(`truncation interval [${lo}, ${hi}] is empty`);
    for (let i = 0; i < 10_000; i++) {
      const z = this.gauss(mean, sd);
      if (z >= lo && z <= hi) return z;
    }
    throw new RangeError(`[${lo}, ${hi}] is too far in the tail of N(${mean}, ${sd}^2)`);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** One of the items, each with the given weight. */
  pick<T>(items: readonly T[], weights?: readonly number[]): T {
    const w = weights ?? items.map(() => 1);
    const total = w.reduce((a, b) => a + b, 0);
    let u = this.uniform() * total;
    for (let i = 0; i < items.length; i++) {
      u -= w[i];
      if (u < 0) return items[i];
    }
    return items[items.length - 1];
  }
}
