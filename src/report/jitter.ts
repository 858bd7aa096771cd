import { createHash } from 'node:crypto';

/**
 * A horizontal offset in [−1, 1] for a dot, fixed by the dot's identity (so the same study draws
 * the same figure every time, unlike a random jitter).
 */
export function jitter(id: string): number {
  const h = createHash('sha256').update(id, 'utf8').digest();
  return (h.readUInt32BE(0) / 0xffffffff) * 2 - 1;
}
