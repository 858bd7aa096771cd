import { readFileSync } from 'node:fs';

/** Parses a JSON fixture from tests/fixtures/dsp/. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/dsp/${name}`, import.meta.url), 'utf8')) as T;
}

/** Largest |value|. */
export function peakAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

export interface ButterCase {
  call: string;
  order: number;
  type: 'lowpass' | 'highpass' | 'bandpass' | 'bandstop';
  cutoffHz: number | [number, number];
  fsHz: number;
  pattern: string;
  sos: number[];
}

export interface SosFilterCase {
  design: string;
  sos: number[];
  padLen: number;
  x: number[];
  sosfilt_zi: number[];
  sosfilt: number[] | null;
  sosfilt_with_zi: { call: string; y: number[]; zf: number[] };
  sosfiltfilt: { call: string; y: number[] };
}

export interface NotchCase {
  call: string;
  f0Hz: number;
  q: number;
  fsHz: number;
  b: number[];
  a: number[];
  lfilter_zi: number[];
  x: number[];
  lfilter: number[];
  filtfilt: { call: string; y: number[] };
}

export interface FiltersFixture {
  butter: ButterCase[];
  sosFilter: SosFilterCase[];
  sosPad: {
    design: string;
    sos: number[];
    x: number[];
    cases: { call: string; padType: 'odd' | 'even' | 'constant' | null; padLen: number | null; y: number[] }[];
  };
  notch: NotchCase[];
  lfilterZi: { call: string; b: number[]; a: number[]; zi: number[] }[];
  chain: { calls: string[]; fsHz: number; x: number[]; bandpassed: number[]; notched: number[]; envelope: number[] };
}
