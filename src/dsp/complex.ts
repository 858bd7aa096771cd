/**
 * Minimal complex arithmetic for filter design, written to round the way NumPy does
 * (NumPy's complex division is Smith's method with a reciprocal; `z**2` is `z*z`), so that
 * designed filters agree with SciPy to the last few units in the last place.
 */

/** A complex number. */
export interface Complex {
  re: number;
  im: number;
}

export function complex(re: number, im = 0): Complex {
  return { re, im };
}

export function cadd(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

export function csub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

export function cmul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** a / b as NumPy's complex `divide` loop computes it (Smith's method). */
export function cdiv(a: Complex, b: Complex): Complex {
  const absRe = Math.abs(b.re);
  const absIm = Math.abs(b.im);
  if (absRe >= absIm) {
    if (absRe === 0 && absIm === 0) return { re: a.re / absRe, im: a.im / absRe };
    const rat = b.im / b.re;
    const scl = 1.0 / (b.re + b.im * rat);
    return { re: (a.re + a.im * rat) * scl, im: (a.im - a.re * rat) * scl };
  }
  const rat = b.re / b.im;
  const scl = 1.0 / (b.im + b.re * rat);
  return { re: (a.re * rat + a.im) * scl, im: (a.im * rat - a.re) * scl };
}

export function cneg(a: Complex): Complex {
  return { re: -a.re, im: -a.im };
}

export function cconj(a: Complex): Complex {
  return { re: a.re, im: -a.im };
}

/** |a|, computed without overflow or underflow. */
export function cabs(a: Complex): number {
  return Math.hypot(a.re, a.im);
}

/** Principal square root (branch cut on the negative real axis, sign of a zero imaginary part kept). */
export function csqrt(a: Complex): Complex {
  const { re: x, im: y } = a;
  if (x === 0 && y === 0) return { re: 0, im: y };
  const t = Math.sqrt((Math.abs(x) + Math.hypot(x, y)) / 2);
  if (x >= 0) return { re: t, im: y / (2 * t) };
  return { re: Math.abs(y) / (2 * t), im: Object.is(y, -0) || y < 0 ? -t : t };
}

/** exp(i·theta) for real theta. */
export function cexpi(theta: number): Complex {
  return { re: Math.cos(theta), im: Math.sin(theta) };
}

/** Product of a list (1 for an empty list), multiplied left to right as `numpy.prod`. */
export function cprod(values: readonly Complex[]): Complex {
  if (values.length === 0) return { re: 1, im: 0 };
  let acc = values[0];
  for (let i = 1; i < values.length; i++) acc = cmul(acc, values[i]);
  return acc;
}

/** True when the imaginary part is exactly zero (`numpy.isreal`). */
export function isReal(a: Complex): boolean {
  return a.im === 0;
}
