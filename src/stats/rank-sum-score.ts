import { averageRanks } from './average-ranks.js';
import type { Alternative } from './result.js';

/**
 * Rank-sum statistic of x against y and its normal score, as R's `wilcox.test(x, y)` forms them:
 * W = Σ ranks of x in the pooled sample − nx(nx+1)/2, and with tie-corrected
 * σ = √(nx·ny/12 · ((nx+ny+1) − Σ(t³ − t)/((nx+ny)(nx+ny−1)))) the score
 * z = (W − nx·ny/2 − c)/σ, where the continuity correction c is sign(W − nx·ny/2)·0.5 for a
 * two-sided alternative, +0.5 for greater, −0.5 for less, and 0 when `correct` is false.
 * `sigma` is 0 when every value is tied (z is then not a number).
 */
export function rankSumScore(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  alternative: Alternative,
  correct: boolean,
): { w: number; z: number; sigma: number; ties: boolean } {
  const nx = x.length;
  const ny = y.length;
  const pooled = new Float64Array(nx + ny);
  for (let i = 0; i < nx; i++) pooled[i] = x[i];
  for (let j = 0; j < ny; j++) pooled[nx + j] = y[j];
  const { ranks, tieSizes } = averageRanks(pooled);
  let rankSum = 0;
  for (let i = 0; i < nx; i++) rankSum += ranks[i];
  const w = rankSum - (nx * (nx + 1)) / 2;
  const centred = w - (nx * ny) / 2;
  let tieTerm = 0;
  for (const t of tieSizes) tieTerm += t ** 3 - t;
  const sigma = Math.sqrt(((nx * ny) / 12) * (nx + ny + 1 - tieTerm / ((nx + ny) * (nx + ny - 1))));
  let correction = 0;
  if (correct) correction = alternative === 'two.sided' ? Math.sign(centred) * 0.5 : alternative === 'greater' ? 0.5 : -0.5;
  return { w, z: (centred - correction) / sigma, sigma, ties: tieSizes.length !== nx + ny };
}
