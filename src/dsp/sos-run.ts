/**
 * The inner loop of every second-order-section filter: a cascade of direct-form-II-transposed
 * biquads run over `buf` in place, with the arithmetic of SciPy's `_sosfilt` (same operations in the
 * same order, so results agree to the last bit wherever the coefficients do).
 *
 * For speed the cascade is run over blocks of {@link BLOCK} samples (which stay in the L1 cache),
 * up to three sections at a time per block with their coefficients and state in local variables:
 * one biquad is bound by the latency of its own recurrence, and the recurrences of consecutive
 * sections are independent from one sample to the next, so the processor overlaps them. Three is
 * what the registers hold (four spill, and an explicitly skewed "wavefront", section k on sample
 * i − k, measured slower still). The arithmetic per sample and section is exactly SciPy's; only the
 * order in which samples and sections are visited differs, which does not change any result.
 *
 * `state` holds [z0, z1] per section (length 2·n) and is updated to the final state. `sos` must
 * have been checked by `checkSos`. `backward` runs from the last sample to the first, which is
 * filtering the time-reversed signal without reversing it.
 */
export const BLOCK = 2048;

export function sosRun(sos: Float64Array, buf: Float64Array, state: Float64Array, backward: boolean): void {
  const nSections = sos.length / 6;
  const n = buf.length;
  if (!backward) {
    for (let start = 0; start < n; start += BLOCK) {
      const end = Math.min(n, start + BLOCK);
      for (let s = 0; s < nSections; ) {
        const g = groupSize(nSections - s);
        if (g === 3) tripleForward(sos, s, buf, state, start, end);
        else if (g === 2) pairForward(sos, s, buf, state, start, end);
        else sectionForward(sos, s, buf, state, start, end);
        s += g;
      }
    }
  } else {
    for (let end = n; end > 0; end -= BLOCK) {
      const start = Math.max(0, end - BLOCK);
      for (let s = 0; s < nSections; ) {
        const g = groupSize(nSections - s);
        if (g === 3) tripleBackward(sos, s, buf, state, start, end);
        else if (g === 2) pairBackward(sos, s, buf, state, start, end);
        else sectionBackward(sos, s, buf, state, start, end);
        s += g;
      }
    }
  }
}

/** Sections in the next group given how many are left: threes, with 4 left as two pairs (never a lone one after a three). */
function groupSize(left: number): 1 | 2 | 3 {
  if (left >= 5 || left === 3) return 3;
  return left === 1 ? 1 : 2;
}

function sectionForward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  for (let i = start; i < end; i++) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    buf[i] = yn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
}

function sectionBackward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  for (let i = end - 1; i >= start; i--) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    buf[i] = yn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
}

/**
 * Sections s and s + 1 in one pass: the two recurrences are independent from one sample to the
 * next, so the processor overlaps them (a single biquad is bound by its own latency).
 */
function pairForward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  const c0 = sos[o + 6];
  const c1 = sos[o + 7];
  const c2 = sos[o + 8];
  const d1 = sos[o + 10];
  const d2 = sos[o + 11];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  let w0 = state[2 * s + 2];
  let w1 = state[2 * s + 3];
  for (let i = start; i < end; i++) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    const vn = c0 * yn + w0;
    w0 = c1 * yn - d1 * vn + w1;
    w1 = c2 * yn - d2 * vn;
    buf[i] = vn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
  state[2 * s + 2] = w0;
  state[2 * s + 3] = w1;
}

function pairBackward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  const c0 = sos[o + 6];
  const c1 = sos[o + 7];
  const c2 = sos[o + 8];
  const d1 = sos[o + 10];
  const d2 = sos[o + 11];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  let w0 = state[2 * s + 2];
  let w1 = state[2 * s + 3];
  for (let i = end - 1; i >= start; i--) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    const vn = c0 * yn + w0;
    w0 = c1 * yn - d1 * vn + w1;
    w1 = c2 * yn - d2 * vn;
    buf[i] = vn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
  state[2 * s + 2] = w0;
  state[2 * s + 3] = w1;
}

/** Sections s, s + 1 and s + 2 in one pass (see {@link pairForward}). */
function tripleForward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  const c0 = sos[o + 6];
  const c1 = sos[o + 7];
  const c2 = sos[o + 8];
  const d1 = sos[o + 10];
  const d2 = sos[o + 11];
  const e0 = sos[o + 12];
  const e1 = sos[o + 13];
  const e2 = sos[o + 14];
  const f1 = sos[o + 16];
  const f2 = sos[o + 17];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  let w0 = state[2 * s + 2];
  let w1 = state[2 * s + 3];
  let u0 = state[2 * s + 4];
  let u1 = state[2 * s + 5];
  for (let i = start; i < end; i++) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    const vn = c0 * yn + w0;
    w0 = c1 * yn - d1 * vn + w1;
    w1 = c2 * yn - d2 * vn;
    const tn = e0 * vn + u0;
    u0 = e1 * vn - f1 * tn + u1;
    u1 = e2 * vn - f2 * tn;
    buf[i] = tn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
  state[2 * s + 2] = w0;
  state[2 * s + 3] = w1;
  state[2 * s + 4] = u0;
  state[2 * s + 5] = u1;
}

function tripleBackward(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, start: number, end: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  const c0 = sos[o + 6];
  const c1 = sos[o + 7];
  const c2 = sos[o + 8];
  const d1 = sos[o + 10];
  const d2 = sos[o + 11];
  const e0 = sos[o + 12];
  const e1 = sos[o + 13];
  const e2 = sos[o + 14];
  const f1 = sos[o + 16];
  const f2 = sos[o + 17];
  let z0 = state[2 * s];
  let z1 = state[2 * s + 1];
  let w0 = state[2 * s + 2];
  let w1 = state[2 * s + 3];
  let u0 = state[2 * s + 4];
  let u1 = state[2 * s + 5];
  for (let i = end - 1; i >= start; i--) {
    const xn = buf[i];
    const yn = b0 * xn + z0;
    z0 = b1 * xn - a1 * yn + z1;
    z1 = b2 * xn - a2 * yn;
    const vn = c0 * yn + w0;
    w0 = c1 * yn - d1 * vn + w1;
    w1 = c2 * yn - d2 * vn;
    const tn = e0 * vn + u0;
    u0 = e1 * vn - f1 * tn + u1;
    u1 = e2 * vn - f2 * tn;
    buf[i] = tn;
  }
  state[2 * s] = z0;
  state[2 * s + 1] = z1;
  state[2 * s + 2] = w0;
  state[2 * s + 3] = w1;
  state[2 * s + 4] = u0;
  state[2 * s + 5] = u1;
}
