/**
 * Method defaults for spectral (fatigue) measures of surface EMG, each with the source it follows.
 * Commands resolve these into complete parameters; the dsp functions take no hidden defaults.
 */

/**
 * Epoch length 500 ms for the median-frequency time course: consecutive, non-overlapping epochs
 * over which the signal is treated as stationary. Epochs of 0.25–1 s are used in the fatigue
 * literature; 0.5 s follows Merletti R, Knaflitz M, De Luca CJ (1990) "Myoelectric manifestations
 * of fatigue in voluntary and electrically elicited contractions", J Appl Physiol 69:1810–1820.
 */
export const FATIGUE_WINDOW_MS = 500;

/**
 * Welch segment length 250 ms (frequency resolution 4 Hz before zero-padding), periodic Hann
 * window, 50 % overlap (SciPy's default `noverlap = nperseg // 2`): two or more segments fit into a
 * {@link FATIGUE_WINDOW_MS} epoch, so each epoch's spectrum is an average (Welch PD (1967) IEEE
 * Trans Audio Electroacoust 15:70–73). Segments are zero-padded to the next power of two for the FFT.
 */
export const WELCH_SEGMENT_MS = 250;
/** See {@link WELCH_SEGMENT_MS}. */
export const WELCH_OVERLAP_PCT = 50;
