// The conditioning both onset benchmarks (onset-accuracy.js, onset-false-alarms.js) apply to each
// simulated trial, as the onset command does by default: DC removal and a Butterworth band-pass
// 20–450 Hz, order 4, zero-phase for detection, and the same chain run once each way for risefit's fits.
import { conditionChannel, conditionChannelOneWay } from '../dist/pipeline/condition-channel.js';
import { BANDPASS_HZ, BANDPASS_ORDER } from '../dist/dsp/defaults.js';

const conditioning = { dc: true, filters: [{ type: 'bandpass', cutoffHz: [...BANDPASS_HZ], order: BANDPASS_ORDER }], notch: null, rectify: false, envelope: null };

/** A raw trial at `fs` conditioned: `x` (zero-phase, what the detectors read) and `oneWay` (risefit's fits). */
export function conditionTrial(raw, fs) {
  return {
    x: conditionChannel(raw, fs, conditioning),
    oneWay: { forward: conditionChannelOneWay(raw, fs, conditioning, 'forward'), backward: conditionChannelOneWay(raw, fs, conditioning, 'backward') },
  };
}
