// The conditioning chain both chain benchmarks time (bench/dsp-chain.js, bench/process.js): DC
// removal, band-pass 20-450 Hz order 4, 50 Hz notch (Q 30), rectification, 6 Hz order-2 envelope,
// all zero-phase, as `myoscope process` runs it.
export const CHAIN_PARAMS = {
  dc: true,
  filters: [{ type: 'bandpass', cutoffHz: [20, 450], order: 4 }],
  notch: { f0Hz: 50, q: 30, harmonics: 1 },
  rectify: true,
  envelope: { method: 'lowpass', cutoffHz: 6, order: 2 },
};
