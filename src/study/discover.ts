import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const PLACEHOLDERS = ['subject', 'session', 'task', 'run'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type Bindings = Partial<Record<Placeholder, string>>;

export interface Match {
  /** Path as found (baseDir joined with the relative path). */
  path: string;
  /** Path relative to the config's folder, `/`-separated (stable across machines). */
  relPath: string;
  vars: Bindings;
}

interface Segment {
  regex: RegExp;
  names: Placeholder[];
  literal: boolean;
  text: string;
}

function compileSegment(seg: string): Segment {
  const names: Placeholder[] = [];
  let re = '';
  let literal = true;
  for (const part of seg.split(/(\{[a-z]+\}|\*)/)) {
    if (part === '') continue;
    const ph = /^\{([a-z]+)\}$/.exec(part);
    if (ph) {
      if (!(PLACEHOLDERS as readonly string[]).includes(ph[1])) throw new Error(`unknown placeholder {${ph[1]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
      names.push(ph[1] as Placeholder);
      re += '([^/]+?)';
      literal = false;
    } else if (part === '*') {
      re += '[^/]*';
      literal = false;
    } else {
      re += part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return { regex: new RegExp(`^${re}$`), names, literal, text: seg };
}

/**
 * Files matching a pattern such as `emg/{subject}/{subject}_task-{task}_emg.csv.gz` below `baseDir`.
 * `{subject}`, `{session}`, `{task}`, `{run}` match one path segment's worth of text and must agree
 * where they appear twice; `*` matches any text within a segment. Sorted by relative path.
 * Throws (plain Error) for an unknown placeholder.
 */
export function discover(baseDir: string, pattern: string): Match[] {
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.').map(compileSegment);
  const out: Match[] = [];
  const walk = (dir: string, depth: number, vars: Bindings) => {
    if (depth === segments.length) return;
    const seg = segments[depth];
    const last = depth === segments.length - 1;
    const candidates = seg.literal ? (existsSync(join(dir, seg.text)) ? [seg.text] : []) : safeReaddir(dir);
    for (const name of candidates.sort()) {
      const m = seg.regex.exec(name);
      if (!m) continue;
      const next: Bindings = { ...vars };
      let consistent = true;
      seg.names.forEach((ph, k) => {
        const v = m[k + 1];
        if (next[ph] !== undefined && next[ph] !== v) consistent = false;
        next[ph] = v;
      });
      if (!consistent) continue;
      const full = join(dir, name);
      const isDir = safeIsDir(full);
      if (last) {
        if (!isDir) out.push({ path: full, relPath: relative(baseDir, full).split(sep).join('/'), vars: next });
      } else if (isDir) walk(full, depth + 1, next);
    }
  };
  walk(baseDir, 0, {});
  return out.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
}

/** Fills the placeholders of a pattern (no wildcards) with the bindings of a match. */
export function fillPattern(pattern: string, vars: Bindings): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = pattern.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
    const v = vars[name as Placeholder];
    if (v === undefined) {
      missing.push(name);
      return whole;
    }
    return v;
  });
  return { text, missing };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
