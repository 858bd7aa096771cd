"""Baseline for `npm run bench`: the chain of
`myoscope process --dc --bandpass 20,450 --order 4 --notch 50 --rectify --envelope lowpass:6 --out OUT`
written the way a lab script would, with pandas and SciPy, CSV in to CSV out.

    /usr/bin/python3 bench/baseline_process.py IN.csv OUT.csv

Prints one JSON line: wall seconds per stage and in all, peak RSS (MB), and the chain's compute
throughput on one channel (samples/s).
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
import scipy.signal as signal


def chain(x, fs, band, notch, env):
    y = x - x.mean()
    y = signal.sosfiltfilt(band, y)
    y = signal.filtfilt(notch[0], notch[1], y)
    y = np.abs(y)
    return signal.sosfiltfilt(env, y)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    df = pd.read_csv(src)
    t1 = time.perf_counter()
    time_col = df.columns[0]
    fs = round(1.0 / float(np.mean(np.diff(df[time_col].to_numpy()))))
    band = signal.butter(4, [20, 450], 'bandpass', fs=fs, output='sos')
    notch = signal.iirnotch(50, 30, fs)
    env = signal.butter(2, 6, 'lowpass', fs=fs, output='sos')
    out = pd.DataFrame({time_col: df[time_col]})
    chain_s = []
    for c in df.columns[1:]:
        c0 = time.perf_counter()
        out[c] = chain(df[c].to_numpy(), fs, band, notch, env)
        chain_s.append(time.perf_counter() - c0)
    t2 = time.perf_counter()
    out.to_csv(dst, index=False)
    t3 = time.perf_counter()
    n = len(df)
    print(json.dumps({
        'read_s': t1 - t0, 'compute_s': t2 - t1, 'write_s': t3 - t2, 'total_s': t3 - t0,
        'chain_samples_per_s_one_channel': n / min(chain_s),
        'max_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,
        'samples': int(n * (len(df.columns) - 1)),
    }))


if __name__ == '__main__':
    main()
