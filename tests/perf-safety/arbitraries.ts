import fc from 'fast-check';

/**
 * A number in [0, 1] spread evenly (fc.double favours extremes such as subnormals, which would make
 * most coefficients degenerate here).
 */
const unitArb = fc.integer({ min: 0, max: 1 << 30 }).map((i) => i / (1 << 30));

/**
 * One stable biquad [b0 b1 b2 1 a1 a2]: a complex pole pair r·e^{±iθ} or two real poles, all of
 * radius ≤ `maxRadius`, sometimes first order (b2 = a2 = 0), and numerator coefficients of either sign.
 */
export function sectionArb(maxRadius: number): fc.Arbitrary<number[]> {
  const coef = unitArb.map((u) => 4 * u - 2);
  const radius = unitArb.map((u) => maxRadius * u);
  const complexPoles = fc.record({ r: radius, theta: unitArb.map((u) => 0.001 + (Math.PI - 0.002) * u) }).map(({ r, theta }) => [-2 * r * Math.cos(theta), r * r]);
  const realPoles = fc.record({ p: radius, q: radius, sp: fc.boolean(), sq: fc.boolean() }).map(({ p, q, sp, sq }) => {
    const p1 = sp ? p : -p;
    const p2 = sq ? q : -q;
    return [-(p1 + p2), p1 * p2];
  });
  const firstOrder = radius.map((p) => [-p, 0]);
  return fc
    .record({ b: fc.tuple(coef, coef, coef), a: fc.oneof(complexPoles, realPoles, firstOrder) })
    .map(({ b, a }) => [b[0], b[1], a[1] === 0 ? 0 : b[2], 1, a[0], a[1]]);
}

/** A cascade of `min`..`max` sections, flat as `butterSos` returns it. */
export function cascadeArb(min: number, max: number, maxRadius: number): fc.Arbitrary<Float64Array> {
  return fc.array(sectionArb(maxRadius), { minLength: min, maxLength: max }).map((ss) => Float64Array.from(ss.flat()));
}

/** A seeded pseudo-random signal: bursts of uniform noise on an offset (mulberry32). */
export function noiseSignal(n: number, seed: number): Float64Array {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (rand() - 0.5) * (Math.floor(i / 3000) % 2 === 1 ? 1 : 0.05) + 0.4;
  return x;
}
