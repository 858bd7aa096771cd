import { msToSamples } from './ms-to-samples.js';
import { onsetBaselineStats } from './onset-baseline-stats.js';
import { thresholdRuns } from './onset-threshold-runs.js';
import type { OnsetDetection, OnsetWindows } from './onset-types.js';

/**
 * The Hodges & Bui rule on a detection signal `env` that starts at sample `offset` of the trial's
 * signal: threshold = baseline mean + `thresholdSd`·SD; an onset is the first sample of at least
 * `minAboveMs` above it, an offset the first of `minBelowMs` at or below it. Shared by the
 * envelope (Hodges–Bui) and Teager–Kaiser detectors, which differ only in how `env` is made.
 * Returned indices are on the trial signal's clock.
 */
export function envelopeThresholdOnsets(
  env: Float64Array,
  offset: number,
  w: OnsetWindows,
  p: { fsHz: number; thresholdSd: number; minAboveMs: number; minBelowMs: number },
): OnsetDetection {
  const { mean, sd } = onsetBaselineStats(env, w, offset);
  const threshold = mean + p.thresholdSd * sd;
  const runs = thresholdRuns(
    env,
    threshold,
    w.searchStart - offset,
    w.searchEnd - offset,
    w.offsetEnd - offset,
    msToSamples(p.minAboveMs, p.fsHz),
    msToSamples(p.minBelowMs, p.fsHz),
  );
  return { onsets: runs.onsets.map((i) => i + offset), offsets: runs.offsets.map((i) => i + offset), baselineMean: mean, baselineSd: sd, threshold };
}
