import { fSurvival } from '../stats/f-distribution.js';
import { solveLinear } from './solve-linear.js';
import { squaredAcfFactor } from './squared-acf-factor.js';
import type { OnsetWindows } from './onset-types.js';

/** Mains frequencies the test removes: the fundamental (50 or 60 Hz) and harmonics up to this order. */
const MAINS_HARMONICS = 3;

/**
 * The mains lines of a stretch: 50 or 60 Hz, whichever carries more power in `y[start, end)` (about
 * `mean`, by its projection on the sinusoid), and its harmonics up to the third, below 0.9 × Nyquist.
 */
export function mainsLines(y: Float64Array, start: number, end: number, mean: number, fsHz: number): number[] {
  const power = (f: number): number => {
    const w = (2 * Math.PI * f) / fsHz;
    let re = 0;
    let im = 0;
    for (let i = start; i < end; i++) {
      re += (y[i] - mean) * Math.cos(w * (i - start));
      im += (y[i] - mean) * Math.sin(w * (i - start));
    }
    return re * re + im * im;
  };
  const f0 = power(60) > power(50) ? 60 : 50;
  const lines: number[] = [];
  for (let k = 1; k <= MAINS_HARMONICS && k * f0 < 0.45 * fsHz; k++) lines.push(k * f0);
  return lines;
}

/** What is left of a stretch after its mains lines: the residual, its degrees of freedom and the fit. */
export interface LinesResidual {
  residual: Float64Array;
  /** Samples less the two coefficients fitted per line. */
  dof: number;
  /** The lines removed; null when none were fitted. */
  fit: FittedLines | null;
}

/**
 * `y[start, end)` less `mean` and less a cosine and a sine at each of `linesHz` fitted by least
 * squares over the stretch itself (normal equations, {@link solveLinear}). A steady mains hum is
 * removed whatever its phase; a burst's broadband power is left but for the small share that lies
 * on the fitted sinusoids. `y` is not modified.
 */
export function linesResidual(y: Float64Array, start: number, end: number, mean: number, linesHz: readonly number[], fsHz: number): LinesResidual {
  const n = end - start;
  const k = 2 * linesHz.length;
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = y[start + i] - mean;
  if (k === 0 || n <= k) return { residual, dof: n - k, fit: null };
  const fit = fitLines(y, start, end, mean, linesHz, fsHz);
  if (fit === null) return { residual, dof: n, fit };
  subtractLines(residual, fit, fsHz, start, 0, n);
  return { residual, dof: n - k, fit };
}

/** Sinusoids fitted by {@link fitLines}: amplitudes of a cosine and a sine at each line, phases from `origin`. */
export interface FittedLines {
  linesHz: readonly number[];
  /** cos and sin amplitudes, line by line. */
  beta: Float64Array;
  /** Sample index of the signal at which the phases are counted. */
  origin: number;
}

/**
 * A cosine and a sine at each of `linesHz` fitted by least squares to `y[start, end)` less `mean`
 * (normal equations, {@link solveLinear}), phases counted from `start`; null when there are no
 * lines, no more samples than coefficients, or a singular system. `y` is not modified.
 */
export function fitLines(y: Float64Array, start: number, end: number, mean: number, linesHz: readonly number[], fsHz: number): FittedLines | null {
  const n = end - start;
  const k = 2 * linesHz.length;
  if (k === 0 || n <= k) return null;
  // The regressors, column by column: cos and sin of each line over the stretch.
  const basis: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const w = (2 * Math.PI * linesHz[j >> 1]) / fsHz;
    const b = new Float64Array(n);
    if (j % 2 === 0) for (let i = 0; i < n; i++) b[i] = Math.cos(w * i);
    else for (let i = 0; i < n; i++) b[i] = Math.sin(w * i);
    basis.push(b);
  }
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = y[start + i] - mean;
  const gram = basis.map(() => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) for (let b = a; b < k; b++) gram[a][b] = gram[b][a] = dot(basis[a], basis[b]);
  const beta = solveLinear(gram, basis.map((u) => dot(u, v)));
  return beta === null ? null : { linesHz, beta, origin: start };
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}

/**
 * The lines `fit` of a signal y as seen in its time-reverse z[j] = y[end − 1 − j]: the same
 * sinusoids, phases counted from the mirrored origin, so the sine amplitudes change sign.
 */
export function reverseLines(fit: FittedLines, end: number): FittedLines {
  return { linesHz: fit.linesHz, beta: fit.beta.map((b, j) => (j % 2 === 0 ? b : -b)), origin: end - 1 - fit.origin };
}

/**
 * Subtracts the sinusoids `fit` from `z[from, to)` in place, where index i of `z` is sample
 * i + `offset` of the signal the lines were fitted to (phases counted from `fit.origin` there).
 */
export function subtractLines(z: Float64Array, fit: FittedLines, fsHz: number, offset: number, from: number, to: number): void {
  for (let j = 0; j < fit.beta.length; j++) {
    const w = (2 * Math.PI * fit.linesHz[j >> 1]) / fsHz;
    const b = fit.beta[j];
    const trig = j % 2 === 0 ? Math.cos : Math.sin;
    for (let i = from; i < to; i++) z[i] -= b * trig(w * (i + offset - fit.origin));
  }
}

/** Residual sum of squares, degrees of freedom and effective degrees of freedom of some stretches. */
export interface ResidualPower {
  rss: number;
  dof: number;
  /** Σ dof / (1 + 2 Σ ρ²(k)) over the stretches (ρ each residual's autocorrelation). */
  effectiveDf: number;
  /** The lines fitted to each stretch, in the order given (null where none were). */
  fits: (FittedLines | null)[];
}

/**
 * The mains lines `linesHz` fitted to each of `stretches` of `y` apart and removed ({@link
 * linesResidual}), about `mean`: the pooled residual sum of squares and degrees of freedom, the
 * effective degrees of freedom with autocorrelation up to `maxLag` samples, and each stretch's fit.
 * `y` is not modified.
 */
export function residualPower(y: Float64Array, stretches: readonly (readonly [number, number])[], mean: number, linesHz: readonly number[], fsHz: number, maxLag: number): ResidualPower {
  let rss = 0;
  let dof = 0;
  let effectiveDf = 0;
  const fits: (FittedLines | null)[] = [];
  for (const [start, end] of stretches) {
    const r = linesResidual(y, start, end, mean, linesHz, fsHz);
    fits.push(r.fit);
    if (r.dof < 1) continue;
    for (const v of r.residual) rss += v * v;
    dof += r.dof;
    effectiveDf += r.dof / squaredAcfFactor(r.residual, 0, r.residual.length, maxLag);
  }
  return { rss, dof, effectiveDf, fits };
}

/**
 * One-sided test that a stretch `y[start, end)` carries more power than the baseline of `w` once the
 * mains lines `lines` ({@link mainsLines}) are fitted to each stretch apart and removed: r = (the
 * stretch's residual mean square) / (the baseline's), each over its residual degrees of freedom,
 * referred to F(ν₁, ν₂), each ν those degrees of freedom over
 * 1 + 2 Σ_{k=1..maxLag} ρ²(k) (the variance inflation of a mean of squares of correlated Gaussian
 * samples). The baseline is read once; the returned function gives P(F ≥ r) for a stretch, or null
 * where the stretch or the baseline is too short to fit. `y` is not modified.
 */
export function excessPowerTest(y: Float64Array, w: OnsetWindows, mean: number, lines: readonly number[], fsHz: number, maxLag: number): (start: number, end: number) => number | null {
  const base = residualPower(y, [[w.baselineStart, w.baselineEnd], ...(w.extraBaseline ?? [])], mean, lines, fsHz, maxLag);
  return (start, end) => {
    const stretch = residualPower(y, [[start, end]], mean, lines, fsHz, maxLag);
    if (base.dof < 2 || stretch.dof < 2 || !(base.rss > 0)) return null;
    return fSurvival(stretch.rss / stretch.dof / (base.rss / base.dof), stretch.effectiveDf, base.effectiveDf);
  };
}
