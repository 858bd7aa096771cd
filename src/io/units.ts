/**
 * Units in channel headers: `ES_L (mV)`, `ES_L [µV]`, `TrA_R_uV`, `Time (s)`.
 */

/** Known units and their canonical spelling. Keys are lower-case. */
const CANONICAL: Record<string, string> = {
  v: 'V',
  mv: 'mV',
  uv: 'uV',
  'µv': 'uV',
  'μv': 'uV',
  nv: 'nV',
  adu: 'adu',
  counts: 'adu',
  'a.u.': 'a.u.',
  au: 'a.u.',
  deg: 'deg',
  '°': 'deg',
  degrees: 'deg',
  rad: 'rad',
  n: 'N',
  nm: 'Nm',
  kg: 'kg',
  g: 'g',
  mm: 'mm',
  cm: 'cm',
  m: 'm',
  '%': '%',
  '%mvc': '%MVC',
  '%peak': '%peak',
  pct: '%',
  s: 's',
  ms: 'ms',
  hz: 'Hz',
  bool: 'bool',
};

/** Units recognised after an underscore (`TrA_R_uV`): only electrical ones, so `ES_L` keeps its `L`. */
const SUFFIX_UNITS = new Set(['v', 'mv', 'uv', 'µv', 'μv', 'nv']);

/** Canonical spelling of a unit, or undefined when it is not one we know. */
export function canonicalUnit(text: string): string | undefined {
  return CANONICAL[text.trim().toLowerCase()];
}

export function knownUnits(): string[] {
  return [...new Set(Object.values(CANONICAL))];
}

export interface HeaderCell {
  name: string;
  /** Canonical unit, `''` when the header gives none. */
  unit: string;
  /** The unit text as written when it is not known (the caller reports it). */
  unknownUnit?: string;
}

/** Splits a header cell into name and unit. */
export function parseHeaderCell(raw: string): HeaderCell {
  const text = raw.trim();
  const bracket = /^(.*?)\s*[([]\s*([^()[\]]*?)\s*[)\]]$/.exec(text);
  if (bracket && bracket[1] !== '') {
    const unit = canonicalUnit(bracket[2]);
    if (unit === undefined) return { name: bracket[1], unit: '', unknownUnit: bracket[2] };
    return { name: bracket[1], unit };
  }
  const suffix = /^(.+?)_([^_]+)$/.exec(text);
  if (suffix && SUFFIX_UNITS.has(suffix[2].toLowerCase())) {
    return { name: suffix[1], unit: canonicalUnit(suffix[2]) as string };
  }
  return { name: text, unit: '' };
}
