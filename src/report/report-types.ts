import type { CompareRecord } from '../pipeline/compare-record.js';
import type { SubjectValue } from './normative.js';

/** One row of a study's `trials.csv`. */
export interface TrialValue {
  subject: string;
  group: string;
  session: string;
  task: string;
  run: string;
  file: string;
  step: string;
  trial: string;
  channel: string;
  muscle: string;
  side: string;
  method: string;
  measure: string;
  value: number | null;
  unit: string;
  flags: string;
}

/** One row of `exclusions.csv`. */
export interface ExclusionRow {
  file: string;
  subject: string;
  stage: string;
  reason: string;
}

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
