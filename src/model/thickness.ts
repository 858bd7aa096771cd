/** One RUSI thickness measurement in long form (DESIGN.md "Data model"). */
export interface ThicknessRow {
  subject: string;
  group: string;
  muscle: string;
  /** `L` or `R` (normalised from left/right/l/r/sin/dx). */
  side: string;
  level?: string;
  session?: string;
  rater?: string;
  /** `rest` or `contracted` (normalised from common aliases). */
  condition: 'rest' | 'contracted';
  trial: string;
  thicknessMm: number;
  /** Columns the reader did not recognise, carried through unchanged. */
  extra: Record<string, string>;
  /** 1-based line in the source file, for messages. */
  line: number;
}

export interface ThicknessTable {
  path: string;
  /** `long` or `wide` as found in the file. */
  form: 'long' | 'wide';
  rows: ThicknessRow[];
  /** Names of the extra columns, in file order. */
  extraColumns: string[];
}
