/**
 * Co-contraction index of Falconer & Winter (1985, Electromyogr Clin Neurophysiol 25:135),
 * Winter's %COCON:
 *
 *   CCI = 2 · ∫ min(a, b) dt / ∫ (a + b) dt × 100   [%]
 *
 * for two EMG envelopes a(t), b(t) sampled together at `fsHz`. The minimum is taken sample by
 * sample, then every area is integrated with the same rule: `trapezoid` (as `trapz`, the usual
 * choice) or `rectangle` (a plain sum × 1/fsHz). The rule matters only at the window's ends, and
 * 1/fsHz cancels in the ratio; the areas are returned in envelope unit × s.
 * 0 % means no overlap; 100 % means identical envelopes.
 */
import { checkEnvelopePair } from './co-contraction-check.js';

/** How the areas are integrated over the samples. */
export type IntegrationRule = 'trapezoid' | 'rectangle';

/** Parameters of {@link coContractionFalconerWinter}; `fsHz` is the envelopes' sample rate. */
export interface FalconerWinterParams {
  fsHz: number;
  /** Default `trapezoid`. */
  integration?: IntegrationRule;
}

/** The formula, as each result names it. */
export const FALCONER_WINTER_FORMULA = 'CCI = 2 * integral(min(a, b)) / integral(a + b) * 100';

interface FalconerWinterBase {
  method: 'falconer-winter-1985';
  formula: typeof FALCONER_WINTER_FORMULA;
  params: { fsHz: number; integration: IntegrationRule; nSamples: number; durationS: number };
}

/** The index in percent and the areas behind it. */
export interface FalconerWinterResult extends FalconerWinterBase {
  ok: true;
  cciPct: number;
  /** ∫ min(a, b) dt, envelope unit × s. */
  commonArea: number;
  areaA: number;
  areaB: number;
}

/** Both envelopes have zero area: the index is undefined. */
export interface FalconerWinterFailure extends FalconerWinterBase {
  ok: false;
  reason: string;
}

/** What {@link coContractionFalconerWinter} returns. */
export type FalconerWinterOutcome = FalconerWinterResult | FalconerWinterFailure;

/**
 * Falconer & Winter co-contraction index of envelopes `a` and `b` (not mutated).
 *
 * @returns `{ ok: false }` when both envelopes have zero area.
 * @throws ParameterError for unequal lengths, too few samples (1 for `rectangle`, 2 for
 *   `trapezoid`), a negative or non-finite sample, or a bad `fsHz`.
 */
export function coContractionFalconerWinter(a: ArrayLike<number>, b: ArrayLike<number>, params: FalconerWinterParams): FalconerWinterOutcome {
  const integration = params.integration ?? 'trapezoid';
  const { fsHz } = params;
  const method = 'falconer-winter-1985';
  checkEnvelopePair(a, b, fsHz, integration === 'trapezoid' ? 2 : 1, 'Falconer-Winter co-contraction');
  const n = a.length;
  const weight = (i: number): number => (integration === 'trapezoid' && (i === 0 || i === n - 1) ? 0.5 : 1);
  let common = 0;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    common += w * Math.min(a[i], b[i]);
    sumA += w * a[i];
    sumB += w * b[i];
  }
  const base: FalconerWinterBase = {
    method,
    formula: FALCONER_WINTER_FORMULA,
    params: { fsHz, integration, nSamples: n, durationS: (integration === 'trapezoid' ? n - 1 : n) / fsHz },
  };
  if (sumA + sumB === 0) {
    return { ...base, ok: false, reason: 'both envelopes are zero throughout: the co-contraction index is undefined' };
  }
  return {
    ...base,
    ok: true,
    cciPct: ((2 * common) / (sumA + sumB)) * 100,
    commonArea: common / fsHz,
    areaA: sumA / fsHz,
    areaB: sumB / fsHz,
  };
}
