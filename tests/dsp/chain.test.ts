import { describe, it } from 'vitest';
import { butterSos } from '../../src/dsp/butter-sos.js';
import { sosFiltFilt } from '../../src/dsp/sos-filtfilt.js';
import { iirNotch } from '../../src/dsp/iir-notch.js';
import { filtFilt } from '../../src/dsp/filtfilt.js';
import { rectify } from '../../src/dsp/rectify.js';
import { lowpassEnvelope } from '../../src/dsp/lowpass-envelope.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture, peakAbs, type FiltersFixture } from './load-fixture.js';

const { chain } = loadFixture<FiltersFixture>('filters.json');

describe('EMG chain (band-pass → notch → rectify → envelope) designed and run here, against SciPy', () => {
  const fsHz = chain.fsHz;
  const x = Float64Array.from(chain.x);
  const atol = 1e-9 * peakAbs(chain.x);
  const bandpassed = sosFiltFilt(butterSos({ order: 4, type: 'bandpass', cutoffHz: [20, 450], fsHz }), x);
  const { b, a } = iirNotch(50, 30, fsHz);
  const notched = filtFilt(b, a, bandpassed);
  const envelope = lowpassEnvelope(rectify(notched), { fsHz, cutoffHz: 6, order: 2 });
  it(chain.calls[0], () => expectAllClose(bandpassed, chain.bandpassed, { atol }));
  it(chain.calls[1], () => expectAllClose(notched, chain.notched, { atol }));
  it(`${chain.calls[2]}; ${chain.calls[3]}`, () => expectAllClose(envelope, chain.envelope, { atol }));
});
