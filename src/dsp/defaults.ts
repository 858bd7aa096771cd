/**
 * Method defaults for signal conditioning, each with the source it follows. Commands resolve these
 * into complete parameters; the dsp functions themselves take no hidden defaults. Recording-dependent
 * values (sample rate, mains frequency of the lab) are not here.
 */

/**
 * Band-pass corners in Hz for surface EMG. High-pass 20 Hz: De Luca CJ, Gilmore LD, Kuznetsov M,
 * Roy SH (2010) "Filtering the surface EMG signal: movement artifact and baseline noise
 * contamination", J Biomech 43:1573–1579 (recommend a 20 Hz corner). Low-pass 450 Hz: just below the
 * upper end of the sEMG power spectrum (~500 Hz) recommended by SENIAM (Hermens HJ, Freriks B,
 * Disselhorst-Klug C, Rau G (2000) J Electromyogr Kinesiol 10:361–374) while staying below Nyquist
 * at the common 1 kHz sample rate.
 */
export const BANDPASS_HZ: readonly [number, number] = [20, 450];

/**
 * The default band-pass's high corner is at most this fraction of Nyquist. 450 Hz is 0.9 × Nyquist
 * at 1 kHz, so below 1 kHz the default high corner becomes 0.45 × fs (225 Hz at 500 Hz, the rate of
 * Bonato et al. 1998) instead of failing; a corner given explicitly is never changed.
 */
export const BANDPASS_MAX_NYQUIST_FRACTION = 0.9;

/** The default band-pass corners at `fsHz`: BANDPASS_HZ, the high corner capped as above. */
export function defaultBandpassHz(fsHz: number): [number, number] {
  return [BANDPASS_HZ[0], Math.min(BANDPASS_HZ[1], (BANDPASS_MAX_NYQUIST_FRACTION * fsHz) / 2)];
}

/**
 * Butterworth order (SciPy's N) of the band-pass: 4, i.e. 8 poles, applied zero-phase. A commonly
 * reported choice; ISEK's reporting standard asks that type, order and corners be stated
 * (Merletti R (1999) "Standards for reporting EMG data", J Electromyogr Kinesiol 9(1):III–IV).
 */
export const BANDPASS_ORDER = 4;

/**
 * Mains-interference notch quality factor Q = 30 (−3 dB width f0/30, about 1.7 Hz at 50 Hz), the
 * value used in the `scipy.signal.iirnotch` documentation; narrow enough to leave the EMG spectrum
 * around mains almost untouched. The mains frequency itself (50 or 60 Hz) depends on the lab.
 */
export const NOTCH_Q = 30;

/**
 * Linear-envelope low-pass corner 6 Hz, Butterworth order 2 (SciPy's N), zero-phase. Linear
 * envelopes use a low-pass of about 3–10 Hz after full-wave rectification (Winter DA (2009)
 * Biomechanics and Motor Control of Human Movement, 4th ed., Wiley, ch. 10); 6 Hz is within that range.
 */
export const ENVELOPE_CUTOFF_HZ = 6;
/** See {@link ENVELOPE_CUTOFF_HZ}. */
export const ENVELOPE_ORDER = 2;

/**
 * MVC reference window 500 ms: the reference is the largest 500 ms mean of the envelope during the
 * MVC trials, a common averaging window in the MVC-normalisation literature reviewed by Burden A (2010) "How should we normalize
 * electromyograms obtained from healthy participants? What we have learned from over 25 years of
 * research", J Electromyogr Kinesiol 20:1023–1035.
 */
export const MVC_WINDOW_MS = 500;
