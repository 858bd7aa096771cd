/**
 * A small seeded pseudo-random generator for simulations: xoshiro128** (Blackman & Vigna,
 * https://prng.di.unimi.it/) seeded through SplitMix32, with Box–Muller normals. The same seed gives
 * the same sequence on every platform (32-bit integer arithmetic only; `Math.log`, `Math.sqrt`,
 * `Math.cos` for the normals).
 */
export interface OnsetPrng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform on [a, b). */
  between(a: number, b: number): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

function splitMix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator seeded by `seed` (any 32-bit integer; other numbers are truncated to one). */
export function onsetPrng(seed: number): OnsetPrng {
  const init = { s: seed | 0 };
  let a = splitMix32(init);
  let b = splitMix32(init);
  let c = splitMix32(init);
  let d = splitMix32(init);
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  let spare: number | null = null;
  const uniform = (): number => next() / 4294967296;
  return {
    uniform,
    between: (lo, hi) => lo + (hi - lo) * uniform(),
    normal: () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      let u = uniform();
      while (u === 0) u = uniform();
      const v = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
