/**
 * Method defaults for muscle-onset detection, each with its source. Durations are in ms and
 * frequencies in Hz; commands turn them into complete parameters for the pure detectors, which take
 * no hidden defaults. Band-pass corners and order for the conditioning before detection are those of
 * `defaults.ts` (BANDPASS_HZ, BANDPASS_ORDER).
 */

/**
 * Hodges & Bui (1996) threshold detector. Hodges PW, Bui BH (1996) A comparison of computer-based
 * methods for the determination of onset of muscle contraction using electromyography.
 * Electroencephalogr Clin Neurophysiol 101:511–519. They compared low-pass corners of 10, 50 and
 * 500 Hz, thresholds of 1, 2 and 3 SD above the baseline mean and minimum times above threshold of
 * 20 to 100 ms; the defaults take the 50 Hz envelope and the 3 SD threshold, held for 25 ms (within the range
 * they compared).
 */
export const HODGES_BUI = {
  envelopeCutoffHz: 50,
  envelopeOrder: 2,
  thresholdSd: 3,
  minAboveMs: 25,
  minBelowMs: 25,
} as const;

/**
 * Bonato et al. (1998) double threshold. Bonato P, D'Alessio T, Knaflitz M (1998) A statistical
 * method for the measurement of muscle activation intervals from surface myoelectric signal during
 * gait. IEEE Trans Biomed Eng 45:287–299. False-alarm probability 0.05, r0 = 1 of m = 5 samples at
 * their 500 Hz (a 10 ms window, one 2 ms sample above ζ), and active/inactive states of at least
 * 30 ms (15 samples at 500 Hz); the same values as the defaults of the R package biosignalEMG
 * (`onoff_bonato(Pfa = 0.05, m = 5, r0 = 1, minL = 15)`, "chosen for a sampling rate of 500 Hz").
 */
export const BONATO = {
  falseAlarmProbability: 0.05,
  windowMs: 10,
  minAboveMs: 2,
  minActiveMs: 30,
  minInactiveMs: 30,
} as const;

/**
 * Teager–Kaiser-conditioned threshold (Li X, Zhou P, Aruin AS (2007) Ann Biomed Eng 35:1532–1538;
 * Solnik S et al. (2010) Eur J Appl Physiol 110:489–498): TKEO, full-wave rectification and a 50 Hz
 * low-pass (Solnik et al.), then the Hodges & Bui rule. The multiple of the baseline SD varies
 * between their reports; 3 SD and 25 ms, as for Hodges & Bui above, keep the two comparable so that
 * only the TKEO conditioning differs.
 */
export const TKEO = {
  envelopeCutoffHz: 50,
  envelopeOrder: 2,
  thresholdSd: 3,
  minAboveMs: 25,
  minBelowMs: 25,
} as const;

/**
 * The default detector, `risefit` (docs/onset.md): detection on a slow linear envelope, then the
 * onset (and offset) placed by fitting a burst model to the band-passed signal itself.
 *
 * Detection: rectified signal low-passed at 10 Hz (the lowest corner Hodges & Bui compared), above
 * baseline mean + 4 SD for 50 ms. The slow envelope and the long minimum time keep false onsets on
 * noise-only trials to about 1 % while detecting 3 dB bursts (measured, `npm run bench:onset`).
 * Confirmation: a 500 ms baseline holds only about ten independent values of the 10 Hz envelope, so
 * its SD is often underestimated and, after a calm baseline, slow swells of noise pass the envelope
 * rule. Each detection is therefore kept only if the samples from its detected onset to its detected
 * offset carry more power than the baseline in a one-sided F test at `confirmAlpha` 0.001: mains
 * lines (50 or 60 Hz and two harmonics) are fitted out of each stretch first, since a steady hum
 * has the autocorrelation of few independent samples but hardly varies in power, and the degrees of
 * freedom are n / (1 + 2 Σ ρ²(k)) over lags up to `acfMaxLagMs` (`npm run bench:onset-noise`).
 *
 * Refinement: near the detection the band-passed samples (the conditioning chain run forward only,
 * so that no energy of the burst is spread before its start; backward only for offsets) are modelled
 * as zero-mean with variance σ₀² before the onset τ and σ₀² + A²·g²(t − τ) after it, g a
 * raised-cosine rise of duration T (0 = a step) to a plateau. σ₀² comes from the baseline, A² from
 * the samples after the rise. The same mains lines are fitted by least squares on the baseline
 * (the stretch nearest the detection, within HUM_EXTRAPOLATION_MS) and that fit, extrapolated, is
 * subtracted from the modelled stretch (σ₀² is the baseline's variance with them removed): left
 * in, a hum is noise the burst must rise above and its sinusoidal autocorrelation flattens the
 * posterior (steps at 6 dB under an 85 % hum: 11.5 ms off, 2.0 ms with the hum removed). Fitting
 * the lines on the modelled stretch itself would lend them burst power, carried to the samples
 * before the onset. The Gaussian log-likelihood is evaluated on a grid of τ (every sample from
 * `lookbackMs` before the detection to `maxShiftMs` after it) and T (0 to `maxRiseMs` in
 * `riseStepMs` steps); the onset is the median of the posterior of τ with T marginalised (after the change-point
 * estimators of Staude G, Flachenecker C, Daumer M, Wolf W (2001) "Onset detection in surface
 * electromyographic signals: a systematic comparison of methods", EURASIP J Appl Signal Process
 * 2001(2):67–81, extended to a gradual rise). Neighbouring samples of band-passed EMG are
 * correlated, so the log-likelihood is divided by `temperScale` × (1 + 2 Σ ρ²(k)), the variance
 * inflation of a mean of squares, with ρ the autocorrelation of the baseline or of the burst
 * (whichever is larger) up to `acfMaxLagMs`. `maxRiseMs` 60 covers the 20–50 ms rise times of
 * voluntary EMG bursts; `temperScale` 0.5 was chosen on the simulated bursts of the benchmark.
 * The prior on T gives equal odds to an abrupt onset (`stepPrior` 0.5 on T = 0) and a gradual one
 * (the other half spread evenly over 2.5 … 60 ms): at 10 dB the data barely tell a step from a rise
 * that starts 10 ms earlier, so a prior even over T alone (4 % on a step) placed abrupt onsets 6–12 ms
 * early at every SNR, while equal odds place them within 0.5–3 ms at 10–30 dB and gradual 5–50 ms
 * rises 7–7.5 ms from the truth at 10 dB (measured, `npm run bench:onset`; docs/onset.md);
 * `--step-prior` moves that trade-off. Offsets are placed the same way on the time-reversed signal (a
 * raised-cosine fall of up to `maxFallMs`, every fall time alike).
 */
export const RISE_FIT = {
  envelopeCutoffHz: 10,
  envelopeOrder: 2,
  thresholdSd: 4,
  minAboveMs: 50,
  minBelowMs: 50,
  lookbackMs: 150,
  aheadMs: 80,
  maxShiftMs: 60,
  maxRiseMs: 60,
  maxFallMs: 120,
  fallStepMs: 5,
  riseStepMs: 2.5,
  minPlateauMs: 10,
  temperScale: 0.5,
  acfMaxLagMs: 20,
  stepPrior: 0.5,
  confirmAlpha: 0.001,
} as const;

/**
 * Upper limit of `--max-rise-ms`: the rise must fit in the stretch the refinement looks at
 * (`lookbackMs` before the detection), so longer rises cannot be told apart.
 */
export const MAX_RISE_LIMIT_MS = 150;

/**
 * `risefit` removes from each fitted stretch the mains lines fitted on the baseline stretch nearest to
 * the detection, but only if that stretch lies within this many ms: a mains frequency 0.05 Hz off its
 * nominal value drifts 0.6 rad in 2 s at the fundamental (about 40 % of its power left) and three
 * times as far at the third harmonic, past which subtracting the extrapolated lines could add more
 * hum than it removes. Trial windows are well inside it; a scan of a whole recording uses its quiet
 * windows, spread through the recording.
 */
export const HUM_EXTRAPOLATION_MS = 2000;

/** Conditioning margin around a trial's windows for each detector's own filters, ms (see `onsetSegment`). */
export const ONSET_MARGIN_MS = 200;

/**
 * Trial windows relative to each event or trigger, ms: baseline 500 ms before it, onsets searched
 * for in the 1000 ms after it. A 500 ms pre-stimulus baseline is the usual choice in the
 * rapid-arm-movement studies (Hodges & Richardson 1996; Hodges & Bui 1996 took the baseline before
 * the stimulus in the same way).
 */
export const BASELINE_MS: readonly [number, number] = [-500, 0];
/** See {@link BASELINE_MS}. */
export const SEARCH_MS: readonly [number, number] = [0, 1000];

/**
 * Windows when the trials are the onsets of a reference channel, ms relative to each reference
 * onset: the baseline ends 200 ms before it, so that anticipatory activity up to −100 ms (the
 * feed-forward window below) and the envelope's own smoothing stay out of it; the search starts
 * 200 ms before it.
 */
export const REFERENCE_BASELINE_MS: readonly [number, number] = [-700, -200];
/** See {@link REFERENCE_BASELINE_MS}. */
export const REFERENCE_SEARCH_MS: readonly [number, number] = [-200, 800];

/**
 * Feed-forward window for latency = muscle onset − reference onset, ms: from 100 ms before to 50 ms
 * after the reference. Anticipatory postural adjustments are taken to start within 100 ms before the
 * focal movement up to 50 ms after it (Aruin AS, Latash ML (1995) Directional specificity of postural
 * muscles in feed-forward postural reactions during fast voluntary arm movements. Exp Brain Res
 * 103:323–332); Hodges & Richardson (1996, Spine 21:2640–2650) counted trunk-muscle onsets up to
 * 50 ms after deltoid onset as feed-forward.
 */
export const FEEDFORWARD_MS: readonly [number, number] = [-100, 50];

/**
 * `--method all`: a trial is flagged for review when the onsets of the detectors span more than this
 * many ms. Twice the 10 ms accuracy the benchmark targets at 6 dB; chosen here, not from a paper.
 */
export const DISAGREE_MS = 20;

/** An onset within this many ms of either end of the search window is flagged `onset_at_window_edge`. */
export const EDGE_MS = 5;

/**
 * Noisy-baseline check: the baseline RMS of the band-passed signal more than this factor above the
 * median over the channel's trials, or one quarter of the baseline window more than this factor above
 * the quietest quarter (an RMS ratio of 2 is a power ratio of 6 dB). Chosen here.
 */
export const NOISY_BASELINE_RATIO = 2;

/**
 * Kinematic reference (goniometer, position): the signal is low-passed at 10 Hz (Butterworth order 2,
 * zero-phase) and movement onset is the first sample where its distance from the baseline mean
 * exceeds the larger of 3 baseline SD and 5 % of the largest excursion in the search window, for at
 * least 20 ms. A fixed fraction of the peak excursion is a common kinematic onset criterion; the
 * fraction, corner and duration are chosen here.
 */
export const KINEMATIC = {
  lowpassHz: 10,
  order: 2,
  thresholdSd: 3,
  excursionFraction: 0.05,
  minAboveMs: 20,
} as const;

/**
 * Without trials (a whole recording scanned for bursts, or the reference channel scanned for the
 * trials), the baseline pools every non-overlapping window of `lengthMs` whose power is at most the
 * `quantile` of all windows' power (windows every `stepMs`): the quieter half of the recording,
 * typical of its rest with the rest level's slow changes, rather than its single quietest moment
 * (which set thresholds below the usual rest level and gave false bursts on emg_1.txt). Assumes that
 * bursts touch fewer than half of the windows. Chosen here (docs/onset.md).
 */
export const QUIET_BASELINE = { lengthMs: 500, stepMs: 10, quantile: 0.5 } as const;
