"""Runs a plain SciPy onset pipeline over the simulated samples and compares it with the ground truth.

Not part of myoscope: a cross-check of the sample data, quoted in samples/README.md.
Pipeline per channel: subtract mean; butter(4, [20, 450], 'bandpass', fs, output='sos') with
sosfiltfilt; optionally iirnotch(f0, 30, fs) with filtfilt at 50, 150 and 250 Hz; full-wave
rectification; butter(2, 50, 'lowpass') with sosfiltfilt; onset = first sample after the cue at which
the envelope stays above mean + 3 SD of the 500 ms before the cue for 25 ms (Hodges & Bui 1996).
Amplitude: RMS of the band-passed signal 50-250 ms after the true onset, as % of the highest
500 ms moving RMS in the channel's own MVC segment.

Run: /usr/bin/python3 scripts/sim/check-onsets.py [samples]
"""
import pathlib
import sys

import numpy as np
import pandas as pd
from scipy import signal

FS = 2000
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2] / "samples")
truth = pd.read_csv(root / "emg" / "ground_truth_onsets.tsv", sep="\t")
band = signal.butter(4, [20, 450], "bandpass", fs=FS, output="sos")
env_lp = signal.butter(2, 50, "lowpass", fs=FS, output="sos")
notches = [signal.iirnotch(f0, 30, FS) for f0 in (50, 150, 250)]


def bandpassed(x, notch):
    y = signal.sosfiltfilt(band, x - x.mean())
    if notch:
        for b, a in notches:
            y = signal.filtfilt(b, a, y)
    return y


def detect(env, cue):
    base = env[cue - FS // 2:cue]
    above = env[cue:cue + int(0.8 * FS)] > base.mean() + 3 * base.std()
    run = int(0.025 * FS)
    for j in range(len(above) - run):
        if above[j:j + run].all():
            return cue + j
    return None


rows = []
for subject in sorted(truth.subject.unique()):
    arm = pd.read_csv(root / "emg" / subject / f"{subject}_task-armraise_emg.csv.gz", comment="#")
    mvc = pd.read_csv(root / "emg" / subject / f"{subject}_task-mvc_emg.csv.gz", comment="#")
    mvc_events = pd.read_csv(root / "emg" / subject / f"{subject}_task-mvc_events.tsv", sep="\t")
    for col in arm.columns:
        channel = col.split(" ")[0]
        x = arm[col].to_numpy(float)
        seg = mvc_events[mvc_events.channel == channel].iloc[0]
        m = bandpassed(mvc[col].to_numpy(float), False)
        m = m[int(round(seg.onset * FS)):int(round((seg.onset + seg.duration) * FS))]
        mvc_rms = np.sqrt(np.convolve(m * m, np.ones(FS // 2) / (FS // 2), "valid")).max()
        y_plain = bandpassed(x, False)
        for notch in (False, True):
            y = bandpassed(x, notch)
            env = signal.sosfiltfilt(env_lp, np.abs(y))
            for t in truth[(truth.subject == subject) & (truth.channel == channel)].itertuples():
                cue = int(round(t.event_onset_s * FS))
                on = int(round(t.onset_s * FS))
                found = detect(env, cue)
                seg_task = y_plain[on + FS // 20:on + FS // 4]
                rows.append({
                    "group": t.group, "channel": channel, "notch": notch,
                    "error_ms": np.nan if found is None else (found - on) * 1000 / FS,
                    "pct_mvc": 100 * np.sqrt(np.mean(seg_task ** 2)) / mvc_rms,
                })

r = pd.DataFrame(rows)
pd.set_option("display.width", 160)
print("Onset detection error (detected - true), ms, by channel; band-pass only vs with notches:")
print(r.groupby(["notch", "channel"]).error_ms.describe(percentiles=[0.5]).round(1))
print("\nTask amplitude, % of MVC (band-pass only):")
print(r[~r.notch].groupby("channel").pct_mvc.describe(percentiles=[0.5]).round(1))
