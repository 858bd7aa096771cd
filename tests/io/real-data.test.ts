import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecording } from '../../src/io/read-recording.js';
import { InputError } from '../../src/errors.js';
import { SHARED_DATA } from '../helpers/run-cli.js';

const uci = (f: string) => join(SHARED_DATA, 'uci-lower-limb-emg', f);

describe('BioSPPy single-column text (../shared/data/biosppy-emg-examples)', () => {
  it('reads the rate and label from the # comment header; values as listed in its README', async () => {
    const { recording } = await readRecording(join(SHARED_DATA, 'biosppy-emg-examples', 'emg_1.txt'));
    expect(recording.fsHz).toBe(1000);
    expect(recording.channels.map((c) => c.name)).toEqual(['EMG']);
    const x = recording.channels[0].samples;
    expect(x.length).toBe(63880);
    // README: range 1412-2443 ADC counts; first values of the file.
    expect(Math.min(...x)).toBe(1412);
    expect(Math.max(...x)).toBe(2443);
    const lines = readFileSync(join(SHARED_DATA, 'biosppy-emg-examples', 'emg_1.txt'), 'latin1').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    expect(Array.from(x.subarray(0, 5))).toEqual(lines.slice(0, 5).map(Number));
    expect(x[x.length - 1]).toBe(Number(lines[lines.length - 1]));
  });
});

describe('PhysioNet WFDB format 16 (../shared/data/physionet-emgdb)', () => {
  // The header's checksum (16-bit sum of all samples) and initial value check every sample read.
  const records = [
    { name: 'emg_healthy', n: 50860, initial: -333, checksum: -29438 },
    { name: 'emg_myopathy', n: 110337, initial: -50, checksum: -6380 },
    { name: 'emg_neuropathy', n: 147858, initial: 900, checksum: 16686 },
  ];
  for (const r of records) {
    it(`${r.name}: 4000 Hz, mV at gain 10000, checksum and initial value from the header hold`, async () => {
      const { recording } = await readRecording(join(SHARED_DATA, 'physionet-emgdb', `${r.name}.hea`));
      expect(recording.fsHz).toBe(4000);
      const ch = recording.channels[0];
      expect(ch.unit).toBe('mV');
      expect(ch.samples.length).toBe(r.n);
      const adu = Array.from(ch.samples, (v) => Math.round(v * 10000));
      expect(adu[0]).toBe(r.initial);
      let sum = 0;
      for (const a of adu) sum = (sum + a) & 0xffff;
      const signed = sum >= 0x8000 ? sum - 0x10000 : sum;
      expect(signed).toBe(r.checksum);
    });
  }
  it('the .dat name reads the same record', async () => {
    const { recording } = await readRecording(join(SHARED_DATA, 'physionet-emgdb', 'emg_healthy.dat'));
    expect(recording.channels[0].samples.length).toBe(50860);
  });
});

describe('UCI lower-limb vendor text, gzip (../shared/data/uci-lower-limb-emg)', () => {
  it('reads the channel names and units from the header block and skips the empty trailer row', async () => {
    const { recording } = await readRecording(uci('A_TXT/10Amar.txt.gz'), { fsHz: 1000 });
    expect(recording.channels.map((c) => [c.name, c.unit])).toEqual([
      ['Recto femoral', 'mV'],
      ['Biceps Femoral', 'mV'],
      ['Vasto Medial', 'mV'],
      ['Semitendinoso', 'mV'],
      ['Flexo', 'deg'],
      ['Digitals combined', ''],
    ]);
    // The header says 22896 values per channel.
    expect(recording.channels[0].samples.length).toBe(22896);
    expect(Array.from(recording.channels[4].samples.subarray(0, 3))).toEqual([11.5, 10.3, 10.5]);
    expect(recording.channels[5].samples.every((v) => v === 31)).toBe(true);
  });
  it('five-channel files: 12973 values in 1Amar', async () => {
    const { recording } = await readRecording(uci('A_TXT/1Amar.txt.gz'), { fsHz: 1000 });
    expect(recording.channels.length).toBe(5);
    expect(recording.channels[0].samples.length).toBe(12973);
    expect(recording.channels[0].samples[0]).toBe(-0.0548);
  });
  it('needs --fs: the files carry no sample rate', async () => {
    await expect(readRecording(uci('A_TXT/1Amar.txt.gz'))).rejects.toThrow(/no time column and no sample rate.*--fs/);
  });
  it('reports the stray "7.5V" cell in N_TXT/1Nmar at its line and column', async () => {
    const err = await readRecording(uci('N_TXT/1Nmar.txt.gz'), { fsHz: 1000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(`${uci('N_TXT/1Nmar.txt.gz')}:5690:5: "7.5V" is not a number`);
  });
});
