import { createHmac } from 'node:crypto';

/** Hex characters of the HMAC kept in a pseudonym (40 bits: collisions below 1 in 10⁶ for 1000 IDs). */
export const PSEUDONYM_HEX_CHARS = 10;

/**
 * A stable pseudonym for an identifier: `P-` and the first {@link PSEUDONYM_HEX_CHARS} hex
 * characters of HMAC-SHA256(key, id). The same key gives the same pseudonym in every run; without
 * the key the identifier cannot be recovered or confirmed by hashing guesses.
 */
export function pseudonym(id: string, key: string): string {
  return `P-${createHmac('sha256', key).update(id, 'utf8').digest('hex').slice(0, PSEUDONYM_HEX_CHARS)}`;
}

/** Replaces identifiers in names and free text (file paths, reasons, warnings). */
export interface Pseudonymizer {
  /** Whether identifiers are replaced at all. */
  readonly active: boolean;
  /** The pseudonym of a subject ID (the ID itself when inactive). */
  id(subject: string): string;
  /** `text` with every known ID that stands as a whole token (not inside a longer word) replaced. */
  text(text: string): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A {@link Pseudonymizer} for the given subject IDs, or one that changes nothing when `key` is
 * undefined. In free text an ID is replaced where it is not part of a longer run of letters and
 * digits, longest IDs first (so `sub-1` inside `sub-10` is left alone).
 */
export function makePseudonymizer(ids: Iterable<string>, key: string | undefined): Pseudonymizer {
  if (key === undefined) return { active: false, id: (s) => s, text: (t) => t };
  const known = [...new Set(ids)].filter((s) => s !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const map = new Map(known.map((s) => [s, pseudonym(s, key)]));
  const pattern = known.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${known.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  return {
    active: true,
    id: (s) => map.get(s) ?? pseudonym(s, key),
    text: (t) => (pattern ? t.replace(pattern, (m) => map.get(m) ?? m) : t),
  };
}
