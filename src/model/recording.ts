/** In-memory model of one EMG recording (DESIGN.md "Data model"). Samples are column-major. */

export interface Channel {
  /** Channel name as in the file header (or `ch1…chN`), unit stripped. */
  name: string;
  /** Physical unit (`mV`, `uV`, `V`, `deg`, …) or `''` when the file gives none. */
  unit: string;
  samples: Float64Array;
}

export interface EventMark {
  onsetS: number;
  durationS: number;
  label: string;
}

export interface RecordingSource {
  path: string;
  /** `csv`, `text` (one column, no header), `vendor-text`, `wfdb`. */
  format: string;
  /** Key/value metadata found in comments or a vendor header block. */
  metadata: Record<string, string>;
}

export interface Recording {
  fsHz: number;
  /** Time of the first sample in seconds (0 when the file has no time column). */
  startS: number;
  /** The file's own time column, kept so outputs can write it back unchanged. */
  time?: { name: string; valuesS: Float64Array };
  channels: Channel[];
  events: EventMark[];
  source: RecordingSource;
}

/** Number of samples in a recording (all channels have the same length). */
export function sampleCount(rec: Recording): number {
  return rec.channels.length > 0 ? rec.channels[0].samples.length : 0;
}
