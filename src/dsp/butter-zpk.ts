import {
  cadd,
  cdiv,
  cexpi,
  cmul,
  cneg,
  complex,
  cprod,
  csqrt,
  csub,
  type Complex,
} from './complex.js';
import type { Zpk } from './zpk.js';

/** Band type of a Butterworth filter, as SciPy's `btype`. */
export type FilterBandType = 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';

/**
 * Digital Butterworth filter as zeros, poles and gain, following the steps of
 * `scipy.signal.butter(N, Wn, btype, output='zpk')` (SciPy 1.10 `iirfilter`): analogue prototype
 * (`buttap`), pre-warping, frequency transform (`lp2lp_zpk`, `lp2hp_zpk`, `lp2bp_zpk`, `lp2bs_zpk`)
 * and bilinear transform (`bilinear_zpk`), in the same order and with the same arithmetic.
 *
 * `wn` are corners normalised to Nyquist (0 < wn < 1), one for low/high-pass, two ascending for
 * band-pass/stop. No validation here: {@link butterSos} checks its parameters before calling this.
 */
export function butterZpk(order: number, wn: readonly number[], type: FilterBandType): Zpk {
  // buttap(N): p = -exp(1j*pi*m/(2*N)), m = -N+1, -N+3, …, N-1. NumPy divides a complex by the
  // real 2N as a multiplication by its reciprocal.
  let z: Complex[] = [];
  let p: Complex[] = [];
  let k = 1;
  const recip = 1.0 / (2 * order);
  for (let m = -order + 1; m < order; m += 2) {
    const theta = Math.PI * m * recip;
    p.push(cneg(m === 0 ? complex(1, 0) : cexpi(theta)));
  }

  // Pre-warp for the bilinear transform with fs = 2 (SciPy: warped = 2*fs*tan(pi*Wn/fs)).
  const fs = 2.0;
  const warped = wn.map((w) => 2 * fs * Math.tan((Math.PI * w) / fs));

  if (type === 'lowpass' || type === 'highpass') {
    const wo = warped[0];
    const degree = p.length - z.length;
    if (type === 'lowpass') {
      z = z.map((zi) => cmul(complex(wo), zi));
      p = p.map((pi) => cmul(complex(wo), pi));
      k = k * wo ** degree;
    } else {
      const kNum = cprod(z.map(cneg));
      const kDen = cprod(p.map(cneg));
      z = z.map((zi) => cdiv(complex(wo), zi));
      p = p.map((pi) => cdiv(complex(wo), pi));
      for (let i = 0; i < degree; i++) z.push(complex(0, 0));
      k = k * cdiv(kNum, kDen).re;
    }
  } else {
    const bw = warped[1] - warped[0];
    const wo = Math.sqrt(warped[0] * warped[1]);
    const wo2 = complex(wo ** 2);
    const degree = p.length - z.length;
    const half = complex(2);
    if (type === 'bandpass') {
      const zl = z.map((zi) => cdiv(cmul(zi, complex(bw)), half));
      const pl = p.map((pi) => cdiv(cmul(pi, complex(bw)), half));
      z = split(zl, wo2);
      p = split(pl, wo2);
      for (let i = 0; i < degree; i++) z.push(complex(0, 0));
      k = k * bw ** degree;
    } else {
      const kNum = cprod(z.map(cneg));
      const kDen = cprod(p.map(cneg));
      const hb = complex(bw / 2);
      const zh = z.map((zi) => cdiv(hb, zi));
      const ph = p.map((pi) => cdiv(hb, pi));
      z = split(zh, wo2);
      p = split(ph, wo2);
      for (let i = 0; i < degree; i++) z.push(complex(0, wo));
      for (let i = 0; i < degree; i++) z.push(complex(0, -wo));
      k = k * cdiv(kNum, kDen).re;
    }
  }

  // bilinear_zpk(z, p, k, fs=2): z -> (fs2 + z)/(fs2 - z), extra zeros at -1.
  const fs2 = complex(2.0 * fs);
  const degree = p.length - z.length;
  const kNum = cprod(z.map((zi) => csub(fs2, zi)));
  const kDen = cprod(p.map((pi) => csub(fs2, pi)));
  const zz = z.map((zi) => cdiv(cadd(fs2, zi), csub(fs2, zi)));
  const pz = p.map((pi) => cdiv(cadd(fs2, pi), csub(fs2, pi)));
  for (let i = 0; i < degree; i++) zz.push(complex(-1, 0));
  k = k * cdiv(kNum, kDen).re;
  return { z: zz, p: pz, k };
}

/** [s + sqrt(s² − wo²) for s in v] followed by [s − sqrt(s² − wo²) for s in v] (lp2bp/lp2bs). */
function split(v: Complex[], wo2: Complex): Complex[] {
  const roots = v.map((s) => csqrt(csub(cmul(s, s), wo2)));
  return [...v.map((s, i) => cadd(s, roots[i])), ...v.map((s, i) => csub(s, roots[i]))];
}
