import type { Complex } from './complex.js';

/** A filter as zeros, poles and gain (SciPy's `output='zpk'`), in the z-plane for digital filters. */
export interface Zpk {
  z: Complex[];
  p: Complex[];
  k: number;
}
