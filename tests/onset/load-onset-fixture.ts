import { readFileSync } from 'node:fs';
import type { OnsetWindows } from '../../src/dsp/onset-types.js';

export interface ExpectedDetection {
  onsets: number[];
  offsets: number[];
  baselineMean: number;
  baselineSd: number;
  threshold: number;
  sampleProbability?: number;
  zeta?: number;
  windowSamples?: number;
  minAbove?: number;
  /**
   * risefit: each envelope detection's stretch and the p-value of its power test against the baseline
   * (null: too short to test), and the same test without removing the mains lines.
   */
  confirm?: { start: number; end: number; p: number | null; pWithoutLineRemoval: number }[];
  /** risefit: the mains lines fitted out before that test. */
  mainsLines?: number[];
}

export interface DetectorCase {
  name: string;
  fsHz: number;
  windows: OnsetWindows;
  /** The simulated signal before any conditioning. */
  raw: number[];
  /** Zero-phase band-pass of `raw` (SciPy sosfiltfilt), the detectors' input. */
  x: number[];
  /** The same chain run once forward and once backward (risefit's fit inputs; SciPy sosfilt). */
  forward: number[];
  backward: number[];
  trueOnsets: number[];
  expected: Record<'hodges-bui' | 'tkeo' | 'bonato' | 'risefit', ExpectedDetection>;
}

export interface DetectorsFixture {
  generator: string;
  marginMs: number;
  cases: DetectorCase[];
}

/** Parses tests/fixtures/onset/detectors.json (written by scripts/fixtures/onset.py). */
export function loadDetectorsFixture(): DetectorsFixture {
  return JSON.parse(readFileSync(new URL('../fixtures/onset/detectors.json', import.meta.url), 'utf8')) as DetectorsFixture;
}
