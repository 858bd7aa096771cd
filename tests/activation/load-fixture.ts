import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a JSON fixture under tests/fixtures/activation/ (written by scripts/fixtures/activation_*). */
export function loadFixture<T>(name: string): T {
  const url = new URL(`../fixtures/activation/${name}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as T;
}
