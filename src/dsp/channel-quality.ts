/** Per-channel signal quality figures (the `inspect` command's columns). */
export interface ChannelQuality {
  /** Samples that are numbers (NaN excluded). */
  validCount: number;
  nanCount: number;
  /** Mean and RMS over the valid samples (compensated sums), in the channel's unit. */
  mean: number;
  rms: number;
  min: number;
  max: number;
  /**
   * Percent of valid samples equal to the channel's observed minimum or maximum. A clean signal
   * has a handful; a large share means clipping at an amplifier or ADC rail.
   */
  clipPct: number;
  /** Longest run of identical consecutive samples (a flat line: lead off, saturation), in samples. */
  longestFlatRunSamples: number;
}

/**
 * Quality figures of one channel. Returns undefined fields never: a channel with no valid sample
 * gets `validCount` 0 and the other figures 0.
 */
export function channelQuality(x: Float64Array): ChannelQuality {
  let n = 0;
  let nan = 0;
  // Neumaier-compensated sums: long recordings at 2 kHz have millions of samples.
  let sum = 0;
  let sumC = 0;
  let sq = 0;
  let sqC = 0;
  let min = Infinity;
  let max = -Infinity;
  let run = 0;
  let longest = 0;
  let prev = Number.NaN;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) {
      nan++;
      run = 0;
      prev = Number.NaN;
      continue;
    }
    n++;
    let t = sum + v;
    sumC += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    const v2 = v * v;
    t = sq + v2;
    sqC += Math.abs(sq) >= v2 ? sq - t + v2 : v2 - t + sq;
    sq = t;
    if (v < min) min = v;
    if (v > max) max = v;
    run = v === prev ? run + 1 : 1;
    if (run > longest) longest = run;
    prev = v;
  }
  if (n === 0) return { validCount: 0, nanCount: nan, mean: 0, rms: 0, min: 0, max: 0, clipPct: 0, longestFlatRunSamples: 0 };
  let atRails = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === min || x[i] === max) atRails++;
  return {
    validCount: n,
    nanCount: nan,
    mean: (sum + sumC) / n,
    rms: Math.sqrt((sq + sqC) / n),
    min,
    max,
    clipPct: (100 * atRails) / n,
    longestFlatRunSamples: longest,
  };
}
