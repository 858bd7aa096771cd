/**
 * Every parameter of the simulated sample study in one place. `samples/README.md` documents the
 * same numbers; change both together.
 *
 * Units are in the names. Distributions are written as `{ mean, sd, lo, hi }` (a normal truncated
 * to [lo, hi]) or `[lo, hi]` (uniform).
 */

export interface TruncNormal {
  mean: number;
  sd: number;
  lo: number;
  hi: number;
}

export type Uniform = readonly [number, number];

export type Group = 'control' | 'LBP';

/** Master seeds. Each file draws from its own named stream under one of these (see `Prng.stream`). */
export const SEEDS = {
  /** Participants and EMG recordings. */
  emg: 1996,
  /**
   * RUSI thickness table: the first seed counting up from 1 whose realized group differences in
   * percent thickness change lie within 0.10 points of 3.5 (ES) and 1.9 (GM) and whose resting
   * thicknesses do not differ between groups (|Welch t| < 1 for both muscles); see
   * `thickness-seed.ts`. The data are not rescaled.
   */
  thickness: 146,
} as const;

// ---------------------------------------------------------------------------------------------
// Participants

export const PARTICIPANTS = {
  perGroup: 30,
  /** The first `emgPerGroup` participants of each group also have EMG recordings. */
  emgPerGroup: 10,
  ageYears: {
    control: { mean: 36, sd: 10, lo: 20, hi: 60 },
    LBP: { mean: 39, sd: 10, lo: 20, hi: 60 },
  } satisfies Record<Group, TruncNormal>,
  probabilityFemale: 0.5,
  /** Side of symptoms in the LBP group, with weights. */
  symptomSides: ['L', 'R', 'bilateral'] as const,
  symptomSideWeights: [0.35, 0.35, 0.3] as const,
} as const;

// ---------------------------------------------------------------------------------------------
// EMG recordings

export const FS_HZ = 2000;

export type Muscle = 'TrA' | 'MF' | 'ES' | 'GMed' | 'DELT';

export interface ChannelSpec {
  /** Column name without the unit. */
  name: string;
  muscle: Muscle;
  side: 'L' | 'R';
}

/** Right-side electrodes; the right arm is raised. Column order in every file. */
export const CHANNELS: readonly ChannelSpec[] = [
  { name: 'TrA_R', muscle: 'TrA', side: 'R' },
  { name: 'MF_R', muscle: 'MF', side: 'R' },
  { name: 'ES_R', muscle: 'ES', side: 'R' },
  { name: 'GMed_R', muscle: 'GMed', side: 'R' },
  { name: 'DELT_R', muscle: 'DELT', side: 'R' },
];

export const EMG_UNIT = 'uV';

/**
 * The recording chain is written as if DC-coupled: offset, drift, hum and noise are all left in
 * for myoscope to remove. Samples are rounded to the ADC step.
 */
export const RECORDING = {
  /** ADC step (a 16-bit converter over ±32.768 mV referred to input): values are whole µV. */
  adcStepUv: 1,
  /** Decimals written for EMG values (0: the step is a whole µV). */
  writeDecimals: 0,
  /** Electrode offset, per channel. */
  offsetUv: [-8, 8] as Uniform,
  /** Baseline (amplifier + electrode) noise: white Gaussian, 2nd-order low-pass at `noiseLowpassHz`. */
  noiseRmsUv: [1.8, 3.2] as Uniform,
  noiseLowpassHz: 500,
  /** Mains frequency per recording (the grid wanders by a few hundredths of a hertz). */
  mainsHz: [49.97, 50.03] as Uniform,
  /** Peak amplitude of the 50 Hz fundamental, per channel. */
  humAmplitudeUv: [2.0, 6.0] as Uniform,
  /** Harmonic amplitudes relative to the fundamental (100, 150, 200, 250 Hz). */
  humHarmonics: [
    { multiple: 2, relative: 0.06 },
    { multiple: 3, relative: 0.3 },
    { multiple: 4, relative: 0.03 },
    { multiple: 5, relative: 0.12 },
  ],
  /** Baseline drift: a sum of `driftComponents` sinusoids, each with these ranges. */
  driftComponents: 3,
  driftFrequencyHz: [0.05, 0.5] as Uniform,
  driftAmplitudeUv: [2, 8] as Uniform,
} as const;

/**
 * EMG source: unit-variance Gaussian noise shaped by the Shwedyk et al. (1977) spectrum
 * `|H(f)|² ∝ f² / ((f² + fl²)(f² + fh²)²)` and band-limited by a 2nd-order Butterworth high-pass
 * at 20 Hz and a 4th-order Butterworth low-pass at 450 Hz; multiplied by an activation envelope
 * whose value is the RMS amplitude in µV.
 */
export const EMG_SPECTRUM = {
  lowCornerHz: 60,
  highCornerHz: [100, 140] as Uniform,
  bandHighpassHz: 20,
  bandHighpassOrder: 2,
  bandLowpassHz: 450,
  bandLowpassOrder: 4,
} as const;

/** Per-subject gain on all EMG amplitudes (skin, subcutaneous fat): exp(N(0, sd²)) within bounds. */
export const SUBJECT_GAIN = { mean: 0, sd: 0.2, lo: -0.4, hi: 0.4 } satisfies TruncNormal;

/** RMS amplitude of a maximal voluntary contraction (before the subject gain), per muscle. */
export const MVC_RMS_UV: Record<Muscle, Uniform> = {
  TrA: [80, 130],
  MF: [110, 180],
  ES: [120, 190],
  GMed: [90, 150],
  DELT: [320, 450],
};

/** Plateau amplitude of the arm-raise burst as % of the subject's MVC amplitude (subject mean). */
export const TASK_PCT_MVC: Record<Muscle, TruncNormal> = {
  TrA: { mean: 22, sd: 5, lo: 12, hi: 35 },
  MF: { mean: 17, sd: 4, lo: 10, hi: 28 },
  ES: { mean: 18, sd: 4, lo: 10, hi: 28 },
  GMed: { mean: 14, sd: 3, lo: 8, hi: 22 },
  DELT: { mean: 38, sd: 6, lo: 28, hi: 48 },
};

/** Trial-to-trial variation of the burst amplitude: a factor N(1, sd²) kept within [lo, hi]. */
export const TASK_AMPLITUDE_TRIAL = { mean: 1, sd: 0.12, lo: 0.75, hi: 1.25 } satisfies TruncNormal;

/** Arm-raise protocol. */
export const ARM_RAISE = {
  trials: 5,
  /** First cue after the start of the recording. */
  firstEventS: [1.0, 1.2] as Uniform,
  /** Interval between cues (randomised so the subject cannot anticipate). */
  interEventS: [1.7, 2.3] as Uniform,
  /** Recording continues this long after the last cue. */
  tailS: 1.1,
  /** Deltoid onset after the cue (reaction time), per trial. */
  reactionTimeMs: { mean: 200, sd: 25, lo: 150, hi: 250 } satisfies TruncNormal,
  /** Rise of the activation envelope (raised cosine), per burst. */
  riseMs: [20, 50] as Uniform,
  /** Fall back to rest (raised cosine), per burst. */
  fallMs: [60, 120] as Uniform,
  /** Plateau duration, per burst. */
  plateauMs: { DELT: [300, 450], trunk: [150, 300] } as const,
  /** Low-frequency movement artefact on the deltoid lead: a half-sine bump. */
  deltoidArtefact: { delayAfterOnsetMs: 60, durationMs: 300, amplitudeUv: [10, 40] as Uniform },
} as const;

/**
 * Onset of each muscle relative to the deltoid onset, in ms (negative = before deltoid).
 * A subject's mean latency is drawn from `subject`; each trial adds N(0, trialSd²), and the
 * trial latency is kept within [lo, hi] (redrawn otherwise).
 * TrA: feed-forward in controls, delayed in LBP (Hodges & Richardson 1996).
 */
export const LATENCY_TO_DELTOID_MS: Record<Exclude<Muscle, 'DELT'>, Record<Group, { subject: TruncNormal; trialSd: number; lo: number; hi: number }>> = {
  TrA: {
    control: { subject: { mean: -35, sd: 6, lo: -45, hi: -25 }, trialSd: 5, lo: -50, hi: -20 },
    LBP: { subject: { mean: 55, sd: 18, lo: 25, hi: 90 }, trialSd: 10, lo: 20, hi: 100 },
  },
  MF: {
    control: { subject: { mean: -8, sd: 6, lo: -20, hi: 5 }, trialSd: 6, lo: -25, hi: 15 },
    LBP: { subject: { mean: -4, sd: 6, lo: -20, hi: 10 }, trialSd: 6, lo: -25, hi: 20 },
  },
  ES: {
    control: { subject: { mean: 8, sd: 6, lo: -5, hi: 20 }, trialSd: 6, lo: -10, hi: 30 },
    LBP: { subject: { mean: 10, sd: 6, lo: -5, hi: 25 }, trialSd: 6, lo: -10, hi: 35 },
  },
  GMed: {
    control: { subject: { mean: 15, sd: 8, lo: 0, hi: 30 }, trialSd: 8, lo: -5, hi: 40 },
    LBP: { subject: { mean: 18, sd: 8, lo: 0, hi: 35 }, trialSd: 8, lo: -5, hi: 45 },
  },
};

/** MVC protocol: one recording per subject, one maximal contraction per muscle in this order. */
export const MVC = {
  order: ['TrA', 'MF', 'ES', 'GMed', 'DELT'] as const satisfies readonly Muscle[],
  /** What the subject does for each, for the events file. */
  tasks: {
    TrA: 'abdominal hollowing against resistance',
    MF: 'prone trunk extension',
    ES: 'prone trunk extension with hip extension',
    GMed: 'side-lying hip abduction',
    DELT: 'shoulder flexion against resistance',
  } as const satisfies Record<Muscle, string>,
  leadS: 0.5,
  rampS: 0.2,
  holdS: 1.0,
  restS: 0.4,
  /** Co-activation of the other muscles during each MVC, as a fraction of their own MVC amplitude. */
  coactivation: {
    TrA: { MF: 0.1, ES: 0.1, GMed: 0.05, DELT: 0.05 },
    MF: { TrA: 0.1, ES: 0.5, GMed: 0.15, DELT: 0.05 },
    ES: { TrA: 0.1, MF: 0.5, GMed: 0.2, DELT: 0.05 },
    GMed: { TrA: 0.1, MF: 0.15, ES: 0.15, DELT: 0.05 },
    DELT: { TrA: 0.1, MF: 0.1, ES: 0.15, GMed: 0.05 },
  } as const satisfies Record<Muscle, Partial<Record<Muscle, number>>>,
  /** Slow force wobble during the hold: sum of two sinusoids, each with this relative amplitude. */
  wobbleRelative: 0.05,
  wobbleHz: [0.8, 3] as Uniform,
} as const;

// ---------------------------------------------------------------------------------------------
// RUSI thickness table (after Farley, Pokhrel, Koppenhaver & Fritz 2024)

export type RusiMuscle = 'ES' | 'GM';

export const THICKNESS = {
  muscles: ['ES', 'GM'] as const satisfies readonly RusiMuscle[],
  sides: ['L', 'R'] as const,
  conditions: ['rest', 'contracted'] as const,
  trials: 3,
  /** Resting thickness: subject mean, then a side deviation; the same in both groups. */
  restMm: {
    ES: { subjectMean: 35, subjectSd: 4, sideSd: 1.0 },
    GM: { subjectMean: 17.5, subjectSd: 2.2, sideSd: 0.7 },
  } as const satisfies Record<RusiMuscle, { subjectMean: number; subjectSd: number; sideSd: number }>,
  /** True percent thickness change on contraction: subject mean by group, then a side deviation. */
  activationPct: {
    ES: { control: 13.0, LBP: 9.5, subjectSd: 3.5, sideSd: 1.5 },
    GM: { control: 12.0, LBP: 10.1, subjectSd: 3.0, sideSd: 1.2 },
  } as const satisfies Record<RusiMuscle, Record<Group, number> & { subjectSd: number; sideSd: number }>,
  /** Independent measurement error of each image (each trial, each condition). */
  errorSdMm: { ES: 1.2, GM: 0.8 } as const satisfies Record<RusiMuscle, number>,
  /** Calliper resolution of the written values. */
  resolutionMm: 0.1,
} as const;
