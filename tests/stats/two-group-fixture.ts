import { loadFixture } from './load-fixture.js';

/** Where R stopped with an error (or gave NaN), the fixture holds `{ error }` instead of numbers. */
export interface RError {
  error: string;
}
export interface DescribeRef {
  n: number;
  missing: number;
  mean: number;
  sd?: number;
  se?: number;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}
export interface TTestRef {
  t: number;
  df: number;
  p: number;
  estimate: number;
  se: number;
  lower: number;
  upper: number;
}
export interface WilcoxRef {
  statistic: number;
  p: number | null;
  exact: boolean;
  hl?: { estimate: number; lower: number; upper: number; level: number } | RError;
}
export interface EffectRef {
  value: number;
  lower?: number;
  upper?: number;
  df?: number;
}
export interface TwoGroupCase {
  id: string;
  kind: string;
  /** `null` marks a missing value (NA in R). */
  x: (number | null)[];
  y: (number | null)[];
  alternative: 'less' | 'greater';
  describe: { x: DescribeRef | RError; y: DescribeRef | RError };
  welch: TTestRef | RError;
  welch_alt: TTestRef | RError;
  student: TTestRef | RError;
  student_alt: TTestRef | RError;
  wilcox: WilcoxRef | RError;
  wilcox_alt: WilcoxRef | RError;
  cohens_d: EffectRef | RError;
  hedges_g: EffectRef | RError;
  glass_delta: EffectRef | RError;
  hedges_g_alt: EffectRef | RError;
  cliffs_delta: EffectRef | RError;
  rank_biserial: EffectRef | RError;
}

export function isError(r: object): r is RError {
  return 'error' in r;
}

/** Fixture values as numbers, R's NA becoming NaN (myoscope's missing value). */
export function values(v: (number | null)[]): number[] {
  return v.map((x) => (x === null ? Number.NaN : x));
}

export const twoGroupCases: TwoGroupCase[] = loadFixture<{ cases: TwoGroupCase[] }>('two-group.json').cases;
