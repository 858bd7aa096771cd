/**
 * Plain names of the measures a study writes (`subjects.csv` `measure` column) and of the
 * muscles and sides, for captions and for sentences a patient could read. Measures that only
 * keep the books (trial counts, raw onset times, baseline statistics) are marked so the report
 * leaves them out of figures and clinic summaries.
 */

interface MeasureInfo {
  /** Noun phrase for a sentence: "% thickness change". */
  label: string;
  /** Shown in a clinic summary (onsets, thickness change, asymmetry, ratios, activation). */
  clinical: boolean;
}

const MEASURES: Record<string, MeasureInfo> = {
  latency_ms: { label: 'onset latency', clinical: true },
  feedforward: { label: 'share of feed-forward onsets', clinical: true },
  change_pct: { label: '% thickness change', clinical: true },
  ratio: { label: 'contracted-to-rest thickness ratio', clinical: true },
  rest_mm: { label: 'resting thickness', clinical: true },
  contracted_mm: { label: 'contracted thickness', clinical: true },
  rest_asymmetry_pct: { label: 'resting side-to-side asymmetry (left vs right)', clinical: true },
  rest_abs_asymmetry_pct: { label: 'resting side-to-side difference', clinical: false },
  contracted_asymmetry_pct: { label: 'contracted side-to-side asymmetry (left vs right)', clinical: true },
  contracted_abs_asymmetry_pct: { label: 'contracted side-to-side difference', clinical: false },
  rms_pct_mvc: { label: 'activation (RMS, % of maximal contraction)', clinical: true },
  envelope_mean_pct_mvc: { label: 'mean activation (% of maximal contraction)', clinical: false },
  envelope_mean_ratio: { label: 'activation ratio', clinical: true },
  mean_frequency_hz: { label: 'mean frequency', clinical: false },
  median_frequency_hz: { label: 'median frequency', clinical: false },
  median_frequency_slope_pct_per_s: { label: 'median-frequency slope', clinical: false },
  cci_falconer_winter_pct: { label: 'co-contraction index (Falconer & Winter)', clinical: true },
  cci_rudolph: { label: 'co-contraction index (Rudolph)', clinical: false },
};

/** Bookkeeping measures: never plotted or compared in a report. */
const BOOKKEEPING = new Set(['n_trials', 'burst', 'event_s', 'onset_s', 'offset_s', 'baseline_mean', 'baseline_sd', 'spread_ms', 'window_start_s', 'window_end_s']);

const MUSCLES: Record<string, string> = {
  TrA: 'transversus abdominis',
  TA: 'transversus abdominis',
  IO: 'internal oblique',
  EO: 'external oblique',
  OE: 'external oblique',
  OI: 'internal oblique',
  RA: 'rectus abdominis',
  MF: 'multifidus',
  LM: 'lumbar multifidus',
  ES: 'erector spinae',
  LES: 'lumbar erector spinae',
  GM: 'gluteus medius',
  GMed: 'gluteus medius',
  GMax: 'gluteus maximus',
  DELT: 'deltoid',
  AD: 'anterior deltoid',
};

const SIDES: Record<string, string> = { L: 'left', R: 'right', 'L-R': 'left–right' };

/** Whether a measure is bookkeeping only (left out of figures and summaries). */
export function isBookkeeping(measure: string): boolean {
  return BOOKKEEPING.has(measure);
}

/** Whether a measure belongs in a clinic summary. Unknown measures do (nothing is hidden silently). */
export function isClinical(measure: string): boolean {
  return !isBookkeeping(measure) && (MEASURES[measure]?.clinical ?? true);
}

/** "% thickness change" for `change_pct`; an unknown measure keeps its own name with spaces. */
export function measureLabel(measure: string): string {
  return MEASURES[measure]?.label ?? measure.replace(/_/g, ' ');
}

/** "multifidus" for `MF`; an unknown muscle keeps its abbreviation. */
export function muscleName(muscle: string): string {
  return MUSCLES[muscle] ?? muscle;
}

/** "left" for `L`, "right" for `R`; anything else as it is. */
export function sideName(side: string): string {
  return SIDES[side] ?? side;
}

const NA = new Set(['', 'n/a']);

/**
 * What a value is about, for a sentence: "left multifidus", "GMed_R/ES_R" (a ratio of channels),
 * or "" when nothing identifies it beyond the measure.
 */
export function siteName(r: { muscle: string; side: string; channel: string }): string {
  if (!NA.has(r.muscle)) {
    // An asymmetry (side L-R) is about the muscle, not one side of it.
    const side = NA.has(r.side) || r.side === 'L-R' ? '' : `${sideName(r.side)} `;
    return `${side}${muscleName(r.muscle)}`;
  }
  return NA.has(r.channel) ? '' : r.channel;
}

/** The unit as shown: `%` and `%MVC` kept, `bool` (a 0/1 flag averaged over trials) as a proportion. */
export function displayUnit(unit: string): string {
  return unit === 'bool' ? 'proportion' : unit;
}
