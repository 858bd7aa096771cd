/** One sinusoid: angular frequency in radians per sample, amplitude, phase in radians. */
export interface Sinusoid {
  omega: number;
  amplitude: number;
  phase: number;
}

/** Σ amplitude·sin(omega·i + phase) for i = 0 … lengthSamples − 1, the parts added in order. */
export function sumOfSines(parts: readonly Sinusoid[], lengthSamples: number): Float64Array {
  const out = new Float64Array(lengthSamples);
  for (let i = 0; i < lengthSamples; i++) {
    let v = 0;
    for (const p of parts) v += p.amplitude * Math.sin(p.omega * i + p.phase);
    out[i] = v;
  }
  return out;
}
