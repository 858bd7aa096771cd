import { cabs, cconj, cmul, complex, csub, isReal, type Complex } from './complex.js';
import type { Zpk } from './zpk.js';

/**
 * Second-order sections of a digital filter from its zeros, poles and gain, as
 * `scipy.signal.zpk2sos(z, p, k)` with SciPy 1.10's default `pairing='nearest'`.
 *
 * Sections are built from the pole closest to the unit circle backwards, so the last section holds
 * the poles nearest the unit circle and the first section carries the gain, exactly as SciPy
 * orders them. Returns a flat row-major array of 6·n coefficients, one row
 * `[b0, b1, b2, 1, a1, a2]` per section (SciPy's `sos` array).
 */
export function zpk2sos({ z: zIn, p: pIn, k }: Zpk): Float64Array {
  if (zIn.length === 0 && pIn.length === 0) return Float64Array.from([k, 0, 0, 1, 0, 0]);
  let p = [...pIn];
  let z = [...zIn];
  while (p.length < z.length) p.push(complex(0, 0));
  while (z.length < p.length) z.push(complex(0, 0));
  const nSections = (Math.max(p.length, z.length) + 1) >> 1;
  if (p.length % 2 === 1) {
    p.push(complex(0, 0));
    z.push(complex(0, 0));
  }
  z = cplxreal(z);
  p = cplxreal(p);

  const sos = new Float64Array(6 * nSections);
  const idxWorst = (list: Complex[]): number => argmin(list.map((pi) => Math.abs(1 - cabs(pi))));
  const take = (list: Complex[], i: number): Complex => list.splice(i, 1)[0];

  for (let si = nSections - 1; si >= 0; si--) {
    const p1 = take(p, idxWorst(p));
    const realPolesLeft = p.filter(isReal).length;
    let row: number[];
    if (isReal(p1) && realPolesLeft === 0) {
      // Special case (1): the last remaining real pole.
      const z1 = take(z, nearestIdx(z, p1, 'real'));
      row = singleSection([z1, complex(0, 0)], [p1, complex(0, 0)]);
    } else if (p.length + 1 === z.length && !isReal(p1) && realPolesLeft === 1 && z.filter(isReal).length === 1) {
      // Special case (2): one real pole and one real zero left; pair this pole with a complex zero.
      const z1 = take(z, nearestIdx(z, p1, 'complex'));
      row = singleSection([z1, cconj(z1)], [p1, cconj(p1)]);
    } else {
      let p2: Complex;
      if (isReal(p1)) {
        const realIdx: number[] = [];
        p.forEach((pi, i) => {
          if (isReal(pi)) realIdx.push(i);
        });
        p2 = take(p, realIdx[idxWorst(realIdx.map((i) => p[i]))]);
      } else {
        p2 = cconj(p1);
      }
      if (z.length > 0) {
        const z1 = take(z, nearestIdx(z, p1, 'any'));
        if (!isReal(z1)) {
          row = singleSection([z1, cconj(z1)], [p1, p2]);
        } else if (z.length > 0) {
          const z2 = take(z, nearestIdx(z, p1, 'real'));
          row = singleSection([z1, z2], [p1, p2]);
        } else {
          row = singleSection([z1], [p1, p2]);
        }
      } else {
        row = singleSection([], [p1, p2]);
      }
    }
    sos.set(row, 6 * si);
  }
  for (let j = 0; j < 3; j++) sos[j] *= k;
  return sos;
}

/** Index of the first minimum (`numpy.argmin`). */
function argmin(values: number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] < values[best]) best = i;
  return best;
}

/** SciPy's `_nearest_real_complex_idx`: the closest element of `fro` to `to` of the wanted kind. */
function nearestIdx(fro: Complex[], to: Complex, which: 'real' | 'complex' | 'any'): number {
  // A stable sort by distance (NumPy's argsort of these short arrays is an insertion sort).
  const order = fro.map((_, i) => i).sort((a, b) => cabs(csub(fro[a], to)) - cabs(csub(fro[b], to)));
  if (which === 'any') return order[0];
  const found = order.find((i) => (which === 'real') === isReal(fro[i]));
  if (found === undefined) throw new Error(`zpk2sos: no ${which} zero left to pair`);
  return found;
}

/**
 * SciPy's `_cplxreal`: one element (positive imaginary part) of each conjugate pair, averaged with
 * its partner and sorted by real part, followed by the real values sorted by real part.
 */
function cplxreal(values: Complex[]): Complex[] {
  if (values.length === 0) return [];
  const tol = 100 * Number.EPSILON;
  const sorted = [...values].sort((a, b) => a.re - b.re || Math.abs(a.im) - Math.abs(b.im));
  const isRealTol = (v: Complex): boolean => Math.abs(v.im) <= tol * cabs(v);
  const reals = sorted.filter(isRealTol).map((v) => complex(v.re, 0));
  const cplx = sorted.filter((v) => !isRealTol(v));
  const zp = cplx.filter((v) => v.im > 0);
  const zn = cplx.filter((v) => v.im < 0);
  if (zp.length !== zn.length) throw new Error('zpk2sos: a complex value has no matching conjugate');
  // Within runs of (nearly) equal real part, sort each half by |imag|.
  let start = 0;
  while (start < zp.length) {
    let stop = start;
    while (stop + 1 < zp.length && zp[stop + 1].re - zp[stop].re <= tol * cabs(zp[stop])) stop++;
    if (stop > start) {
      for (const half of [zp, zn]) {
        const run = half.slice(start, stop + 1).sort((a, b) => Math.abs(a.im) - Math.abs(b.im));
        half.splice(start, run.length, ...run);
      }
    }
    start = stop + 1;
  }
  for (let i = 0; i < zp.length; i++) {
    if (cabs(csub(zp[i], cconj(zn[i]))) > tol * cabs(zn[i])) {
      throw new Error('zpk2sos: a complex value has no matching conjugate');
    }
  }
  const averaged = zp.map((v, i) => {
    const c = cconj(zn[i]);
    return complex((v.re + c.re) / 2, (v.im + c.im) / 2);
  });
  return [...averaged, ...reals];
}

/** Coefficients of Π(1 − r·z⁻¹) for the given roots (`numpy.poly`), real parts only. */
function poly(roots: Complex[]): number[] {
  let a: Complex[] = [complex(1, 0)];
  for (const r of roots) {
    const next: Complex[] = [];
    for (let i = 0; i <= a.length; i++) {
      // convolve(a, [1, -r]): next[i] = a[i]·1 + a[i−1]·(−r)
      const left = i < a.length ? a[i] : undefined;
      const right = i > 0 ? cmul(a[i - 1], complex(-r.re, -r.im)) : undefined;
      if (left && right) next.push(complex(left.re + right.re, left.im + right.im));
      else next.push((left ?? right) as Complex);
    }
    a = next;
  }
  return a.map((c) => c.re);
}

/** SciPy's `_single_zpksos`: one section [b0 b1 b2 a0 a1 a2] from up to two zeros and poles. */
function singleSection(z: Complex[], p: Complex[]): number[] {
  const row = [0, 0, 0, 0, 0, 0];
  const b = poly(z);
  const a = poly(p);
  for (let i = 0; i < b.length; i++) row[3 - b.length + i] = b[i];
  for (let i = 0; i < a.length; i++) row[6 - a.length + i] = a[i];
  return row;
}
