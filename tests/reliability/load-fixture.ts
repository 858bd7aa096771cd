import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON fixture written by scripts/fixtures/reliability.R. */
export function loadFixture<T>(name: string): T {
  const url = new URL(`../fixtures/reliability/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as T;
}
