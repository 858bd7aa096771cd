"""Onset accuracy of the `onset` command on a second, independent simulation: white-noise bursts
that start abruptly, generated with NumPy, written as CSV + BIDS events and read by the command line
end to end (the detectors' own benchmark, bench/onset-accuracy.js, uses band-limited bursts).

    npm run build && /usr/bin/python3 bench/onset_white_steps.py [--fs 1000] [-- extra onset flags]

Model: fs (default 1000 Hz); baseline white Gaussian noise of unit variance; 20 trials per
recording, 3 s apart, the cue at 1 s + 3 s·k and the burst 100-400 ms after it (uniform), 500 ms of
white Gaussian noise with variance 10^(SNR/10) added from its first sample (a step; that sample is
the true onset). Three recordings (seeds 1, 2, 3) per SNR of 6, 10, 20 and 30 dB (SNR of the raw
samples). Reports the median |onset - true onset| (ms) and the share of trials with an onset.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CLI = os.path.join(HERE, '..', 'bin', 'myoscope.js')
args = sys.argv[1:]
extra = args[args.index('--') + 1:] if '--' in args else []
args = args[:args.index('--')] if '--' in args else args
fs = float(args[args.index('--fs') + 1]) if '--fs' in args else 1000.0
TRIALS = 20


def recording(seed, snr_db, folder):
    rng = np.random.default_rng(seed)
    n = int(TRIALS * 3.0 * fs)
    x = rng.normal(0.0, 1.0, n)
    truth, events = [], ['onset\tduration\ttrial_type']
    for k in range(TRIALS):
        cue = 1.0 + 3.0 * k
        i0 = int(round((cue + rng.uniform(0.1, 0.4)) * fs))
        i1 = i0 + int(0.5 * fs)
        x[i0:i1] += rng.normal(0.0, np.sqrt(10 ** (snr_db / 10)), i1 - i0)
        truth.append(i0 / fs)
        events.append(f'{cue:.3f}\t0\tcue')
    emg = os.path.join(folder, f'sub-{seed:02d}_emg.csv')
    ev = os.path.join(folder, f'sub-{seed:02d}_events.tsv')
    with open(emg, 'w') as f:
        f.write(f'# fs={fs:g}\nEMG\n')
        f.write('\n'.join(f'{v:.6f}' for v in x) + '\n')
    with open(ev, 'w') as f:
        f.write('\n'.join(events) + '\n')
    return emg, ev, np.array(truth)


print(f'white-noise step bursts, {fs:g} Hz, {TRIALS} trials x 3 recordings per SNR; onset flags: {" ".join(extra) or "(defaults)"}')
with tempfile.TemporaryDirectory() as folder:
    for snr in (6, 10, 20, 30):
        errors, found = [], 0
        for seed in (1, 2, 3):
            emg, ev, truth = recording(seed, snr, folder)
            out = subprocess.run(['node', CLI, 'onset', emg, '--events', ev, '--json', *extra], check=True, capture_output=True, text=True).stdout
            onsets = [r['onset_s'] for r in json.loads(out)['results'] if r['channel'] == 'EMG']
            for o, t in zip(onsets, truth):
                if o is not None:
                    found += 1
                    errors.append(abs(o - t) * 1000)
        print(f'  {snr:2d} dB: median |error| {np.median(errors):.1f} ms, 95th percentile {np.percentile(errors, 95):.1f} ms, onsets found {100 * found / (3 * TRIALS):.1f} %')
