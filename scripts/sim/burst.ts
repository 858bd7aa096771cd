/**
 * Activation envelopes: raised-cosine rise, plateau, raised-cosine fall.
 */

export interface Burst {
  /** First sample of the rise (the ground-truth onset: the envelope is zero before it). */
  startSample: number;
  riseSamples: number;
  plateauSamples: number;
  fallSamples: number;
  /** Plateau value (for an EMG envelope: RMS amplitude in µV). */
  amplitude: number;
}

/** Value of the burst shape at sample `i` (0 outside the burst). */
export function burstValue(b: Burst, i: number): number {
  const t = i - b.startSample;
  if (t < 0) return 0;
  if (t < b.riseSamples) return (b.amplitude * (1 - Math.cos((Math.PI * t) / b.riseSamples))) / 2;
  const tp = t - b.riseSamples;
  if (tp < b.plateauSamples) return b.amplitude;
  const tf = tp - b.plateauSamples;
  if (tf < b.fallSamples) return (b.amplitude * (1 + Math.cos((Math.PI * tf) / b.fallSamples))) / 2;
  return 0;
}

/** Last sample at which the burst is non-zero, plus one (the ground-truth offset). */
export function burstEndSample(b: Burst): number {
  return b.startSample + b.riseSamples + b.plateauSamples + b.fallSamples;
}

/** Adds the burst into `envelope` in place (the name says so: the array is a work buffer). */
export function addBurstInPlace(envelope: Float64Array, b: Burst): void {
  const end = Math.min(burstEndSample(b), envelope.length);
  for (let i = Math.max(0, b.startSample); i < end; i++) envelope[i] += burstValue(b, i);
}
