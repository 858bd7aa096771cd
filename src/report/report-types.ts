import type { CompareRecord } from '../pipeline/compare-record.js';
import type { SubjectValue } from './normative.js';
import type { Exclusion } from '../study/run-study.js';
import type { TrialRow } from '../study/rows.js';

/** One row of a study's `trials.csv` (the runner's own row type). */
export type TrialValue = TrialRow;

/** One row of `exclusions.csv`. */
export type ExclusionRow = Exclusion;

/** The group comparison document (`comparisons.json`) as the report uses it. */
export interface ComparisonsDoc {
  params: Record<string, unknown>;
  results: CompareRecord[];
  warnings: string[];
}

/** A study's results folder, read. */
export interface StudyResults {
  dir: string;
  name: string;
  subjects: SubjectValue[];
  trials: TrialValue[];
  exclusions: ExclusionRow[];
  comparisons: ComparisonsDoc | null;
  counts: { files: number; processed: number; failed: number };
  configPath: string;
  configSha256: string;
  toolVersion: string;
}

/** What the command's output lists about each figure drawn. */
export interface FigureRecord {
  kind: 'figure';
  figure: string;
  figure_kind: 'trial' | 'group' | 'forest' | 'z_profile';
  title: string;
  marks: string[];
  svg_bytes: number;
}
