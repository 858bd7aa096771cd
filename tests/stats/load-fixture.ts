import { readFileSync } from 'node:fs';

/** Reads a JSON fixture written by scripts/fixtures/stats.R (1e999 parses as Infinity). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;
}
