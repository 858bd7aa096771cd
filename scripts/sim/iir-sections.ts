/**
 * Small IIR building blocks for shaping simulated noise: first- and second-order sections made
 * by the bilinear transform with pre-warping at the corner frequency, run as a cascade in
 * transposed direct form II. The simulator only needs a plausible, deterministic spectrum; the
 * analysis filters of myoscope live in `src/dsp` and are checked against SciPy separately.
 */

/** One section `(b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2)`; a first-order one has b2 = a2 = 0. */
export interface IirSection {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function checkCorner(cornerHz: number, fsHz: number): void {
  if (!(cornerHz > 0 && cornerHz < fsHz / 2)) {
    throw new RangeError(`corner ${cornerHz} Hz must lie between 0 and Nyquist ${fsHz / 2} Hz (fs ${fsHz} Hz)`);
  }
}

/** First-order low-pass `wc / (s + wc)` (unit gain at DC). */
export function firstOrderLowpass(cornerHz: number, fsHz: number): IirSection {
  checkCorner(cornerHz, fsHz);
  const k = Math.tan((Math.PI * cornerHz) / fsHz);
  return { b0: k / (1 + k), b1: k / (1 + k), b2: 0, a1: (k - 1) / (k + 1), a2: 0 };
}

/** First-order high-pass `s / (s + wc)` (unit gain at Nyquist). */
export function firstOrderHighpass(cornerHz: number, fsHz: number): IirSection {
  checkCorner(cornerHz, fsHz);
  const k = Math.tan((Math.PI * cornerHz) / fsHz);
  return { b0: 1 / (1 + k), b1: -1 / (1 + k), b2: 0, a1: (k - 1) / (k + 1), a2: 0 };
}

/**
 * Butterworth low- or high-pass of even `order` as `order / 2` biquads
 * (pole-pair quality factors `1 / (2 cos((2k − 1) π / (2 order)))`).
 */
export function butterworthSections(kind: 'lowpass' | 'highpass', order: number, cornerHz: number, fsHz: number): IirSection[] {
  checkCorner(cornerHz, fsHz);
  if (!Number.isInteger(order) || order < 2 || order % 2 !== 0) {
    throw new RangeError(`order ${order} must be an even integer >= 2`);
  }
  const w0 = (2 * Math.PI * cornerHz) / fsHz;
  const cosW = Math.cos(w0);
  const sinW = Math.sin(w0);
  const sections: IirSection[] = [];
  for (let k = 1; k <= order / 2; k++) {
    const q = 1 / (2 * Math.cos(((2 * k - 1) * Math.PI) / (2 * order)));
    const alpha = sinW / (2 * q);
    const a0 = 1 + alpha;
    const bEdge = kind === 'lowpass' ? (1 - cosW) / 2 : (1 + cosW) / 2;
    const bMid = kind === 'lowpass' ? 1 - cosW : -(1 + cosW);
    sections.push({ b0: bEdge / a0, b1: bMid / a0, b2: bEdge / a0, a1: (-2 * cosW) / a0, a2: (1 - alpha) / a0 });
  }
  return sections;
}

/** Runs `x` through the cascade (zero initial state) and returns a new array; `x` is not changed. */
export function filterSections(sections: readonly IirSection[], x: Float64Array): Float64Array {
  const y = Float64Array.from(x);
  for (const { b0, b1, b2, a1, a2 } of sections) {
    let z1 = 0;
    let z2 = 0;
    for (let i = 0; i < y.length; i++) {
      const xi = y[i];
      const yi = b0 * xi + z1;
      z1 = b1 * xi - a1 * yi + z2;
      z2 = b2 * xi - a2 * yi;
      y[i] = yi;
    }
  }
  return y;
}

/** Power gain of the cascade for white input: the sum of its squared impulse response. */
export function noisePowerGain(sections: readonly IirSection[], lengthSamples: number): number {
  const impulse = new Float64Array(lengthSamples);
  impulse[0] = 1;
  const h = filterSections(sections, impulse);
  let sum = 0;
  for (let i = 0; i < h.length; i++) sum += h[i] * h[i];
  return sum;
}
