import { sosRun } from './sos-run.js';

/** Independent segments run side by side: three biquad recurrences fit the registers and overlap. */
const LANES = 3;
/** Samples per lane and call (the kernel is called often enough to be optimised normally). */
const CHUNK = 2048;
/**
 * A correction stops once its state has decayed below this fraction of where it started (its
 * remaining effect on the output is then far below one rounding of the output).
 */
const DECAY = 2 ** -64;
/** Segments must be this many times longer than a section's decay before splitting pays. */
const MIN_DECAYS_PER_SEGMENT = 8;
/** Shortest segment worth splitting for. */
const MIN_SEGMENT = 16384;

/**
 * {@link sosRun} for long signals, section by section, each section split into {@link LANES}
 * consecutive segments that are filtered side by side. A single biquad is bound by the latency of
 * its own recurrence; independent segments overlap. Segments after the first start at rest, and
 * each is then corrected by linearity: the filter's response to the true state at the segment start
 * (the previous segment's final state) with zero input is added until it has decayed below 2^-64 of
 * that state, and carried into the segment's final state if it has not decayed by the segment end.
 *
 * The result equals SciPy's `sosfilt` arithmetic up to rounding, not bit for bit: the differences
 * are rounding errors amplified by the section's noise gain, as the plain loop's own are (below
 * 1e-13 of the peak in the tests). Use {@link sosRun} where bit-identical results matter. A NaN or
 * infinity makes the rest of the output non-finite as in {@link sosRun} (a NaN may stand where it
 * has an infinity). Short signals, and sections whose poles lie too close to the unit circle for
 * the segments to be long against their decay, are run by {@link sosRun} unchanged.
 *
 * `state` holds [z0, z1] per section (length 2·n) and is updated to the final state. `sos` must
 * have been checked by `checkSos`. `backward` runs from the last sample to the first.
 */
export function sosRunSegmented(sos: Float64Array, buf: Float64Array, state: Float64Array, backward: boolean): void {
  const nSections = sos.length / 6;
  const segment = Math.floor(buf.length / LANES);
  let s = 0;
  while (s < nSections) {
    if (segment >= MIN_SEGMENT && MIN_DECAYS_PER_SEGMENT * decaySamples(sos, s) <= segment) {
      sectionSegmented(sos, s, buf, state, backward, segment);
      s++;
    } else {
      // A run of sections that do not split goes through the cascade kernel together.
      let e = s + 1;
      while (e < nSections && !(segment >= MIN_SEGMENT && MIN_DECAYS_PER_SEGMENT * decaySamples(sos, e) <= segment)) e++;
      sosRun(sos.subarray(6 * s, 6 * e), buf, state.subarray(2 * s, 2 * e), backward);
      s = e;
    }
  }
}

/**
 * Samples for section `s`'s free response to fall below {@link DECAY}, from its largest pole radius
 * r (Infinity when r ≥ 1). Used only to decide whether to split: the corrections themselves run
 * until the state has actually decayed.
 */
function decaySamples(sos: Float64Array, s: number): number {
  const a1 = sos[6 * s + 4];
  const a2 = sos[6 * s + 5];
  const disc = a1 * a1 - 4 * a2;
  let r: number;
  if (disc < 0) r = Math.sqrt(a2);
  else {
    const sq = Math.sqrt(disc);
    r = Math.max(Math.abs((-a1 + sq) / 2), Math.abs((-a1 - sq) / 2));
  }
  if (!(r < 1)) return Infinity;
  if (r === 0) return 2;
  return Math.ceil(Math.log(DECAY) / Math.log(r)) + 2;
}

function sectionSegmented(sos: Float64Array, s: number, buf: Float64Array, state: Float64Array, backward: boolean, segment: number): void {
  const o = 6 * s;
  const b0 = sos[o];
  const b1 = sos[o + 1];
  const b2 = sos[o + 2];
  const a1 = sos[o + 4];
  const a2 = sos[o + 5];
  const n = buf.length;
  // Lane k covers [k·segment, (k+1)·segment) (forward) or its mirror image (backward); the last
  // lane also takes the n − 3·segment samples left over, run after the lanes.
  const lanes = new Float64Array(2 * LANES);
  lanes[0] = state[2 * s];
  lanes[1] = state[2 * s + 1];
  for (let k = 0; k < segment; k += CHUNK) {
    const count = Math.min(CHUNK, segment - k);
    if (!backward) lanesForward(b0, b1, b2, a1, a2, buf, lanes, k, segment, count);
    else lanesBackward(b0, b1, b2, a1, a2, buf, lanes, n - 1 - k, segment, count);
  }
  const rest = n - LANES * segment;
  if (rest > 0) {
    const tail = new Float64Array(2);
    tail[0] = lanes[2 * LANES - 2];
    tail[1] = lanes[2 * LANES - 1];
    const one = sos.subarray(o, o + 6);
    sosRun(one, backward ? buf.subarray(0, rest) : buf.subarray(n - rest), tail, backward);
    lanes[2 * LANES - 2] = tail[0];
    lanes[2 * LANES - 1] = tail[1];
  }
  // Lane k > 0 started at rest: add the free response to the true state at its start, which is
  // the (corrected) final state of lane k − 1.
  for (let k = 1; k < LANES; k++) {
    const length = k === LANES - 1 ? segment + rest : segment;
    const from = backward ? n - 1 - k * segment : k * segment;
    const left = freeResponse(a1, a2, buf, from, backward ? -1 : 1, length, lanes[2 * k - 2], lanes[2 * k - 1]);
    lanes[2 * k] += left[0];
    lanes[2 * k + 1] += left[1];
  }
  state[2 * s] = lanes[2 * LANES - 2];
  state[2 * s + 1] = lanes[2 * LANES - 1];
}

/** Three lanes, `count` samples each, from i, i + step and i + 2·step. */
function lanesForward(b0: number, b1: number, b2: number, a1: number, a2: number, buf: Float64Array, st: Float64Array, i: number, step: number, count: number): void {
  let p0 = st[0];
  let p1 = st[1];
  let q0 = st[2];
  let q1 = st[3];
  let r0 = st[4];
  let r1 = st[5];
  const j = i + step;
  const k = j + step;
  for (let m = 0; m < count; m++) {
    const x0 = buf[i + m];
    const x1 = buf[j + m];
    const x2 = buf[k + m];
    const y0 = b0 * x0 + p0;
    p0 = b1 * x0 - a1 * y0 + p1;
    p1 = b2 * x0 - a2 * y0;
    const y1 = b0 * x1 + q0;
    q0 = b1 * x1 - a1 * y1 + q1;
    q1 = b2 * x1 - a2 * y1;
    const y2 = b0 * x2 + r0;
    r0 = b1 * x2 - a1 * y2 + r1;
    r1 = b2 * x2 - a2 * y2;
    buf[i + m] = y0;
    buf[j + m] = y1;
    buf[k + m] = y2;
  }
  st[0] = p0;
  st[1] = p1;
  st[2] = q0;
  st[3] = q1;
  st[4] = r0;
  st[5] = r1;
}

/** Three lanes running backward, `count` samples each, from i, i − step and i − 2·step. */
function lanesBackward(b0: number, b1: number, b2: number, a1: number, a2: number, buf: Float64Array, st: Float64Array, i: number, step: number, count: number): void {
  let p0 = st[0];
  let p1 = st[1];
  let q0 = st[2];
  let q1 = st[3];
  let r0 = st[4];
  let r1 = st[5];
  const j = i - step;
  const k = j - step;
  for (let m = 0; m < count; m++) {
    const x0 = buf[i - m];
    const x1 = buf[j - m];
    const x2 = buf[k - m];
    const y0 = b0 * x0 + p0;
    p0 = b1 * x0 - a1 * y0 + p1;
    p1 = b2 * x0 - a2 * y0;
    const y1 = b0 * x1 + q0;
    q0 = b1 * x1 - a1 * y1 + q1;
    q1 = b2 * x1 - a2 * y1;
    const y2 = b0 * x2 + r0;
    r0 = b1 * x2 - a1 * y2 + r1;
    r1 = b2 * x2 - a2 * y2;
    buf[i - m] = y0;
    buf[j - m] = y1;
    buf[k - m] = y2;
  }
  st[0] = p0;
  st[1] = p1;
  st[2] = q0;
  st[3] = q1;
  st[4] = r0;
  st[5] = r1;
}

/**
 * Adds to `length` samples of `buf`, from `from` in direction `dir`, the section's response to the
 * state [z0, z1] with zero input, until that state has decayed below {@link DECAY} of its start.
 * Returns the state left at the end of the stretch ([0, 0] once decayed).
 */
function freeResponse(a1: number, a2: number, buf: Float64Array, from: number, dir: 1 | -1, length: number, z0: number, z1: number): [number, number] {
  let i = from;
  if (!Number.isFinite(z0) || !Number.isFinite(z1)) {
    // A NaN or infinity in the state never leaves it: the whole segment is non-finite.
    for (let m = 0; m < length; m++, i += dir) buf[i] = NaN;
    return [NaN, NaN];
  }
  const limit = DECAY * Math.max(Math.abs(z0), Math.abs(z1));
  let m = 0;
  while (m < length) {
    if (!(Math.max(Math.abs(z0), Math.abs(z1)) > limit)) return [0, 0];
    const stop = Math.min(length, m + 64);
    for (; m < stop; m++) {
      const yn = z0;
      z0 = z1 - a1 * yn;
      z1 = -a2 * yn;
      buf[i] += yn;
      i += dir;
    }
  }
  return [z0, z1];
}
