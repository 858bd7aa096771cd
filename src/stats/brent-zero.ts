/**
 * Root of f on [lower, upper] by Brent's method (Forsythe, Malcolm & Moler 1977, "zeroin"): bisection
 * combined with secant and inverse quadratic interpolation, as in R's `uniroot()` (C `R_zeroin2`).
 * Iterates in the same order with the same acceptance tests, so for the same f the same sequence
 * of abscissae is visited — which matters where f is a step function (R's rank-based intervals).
 *
 * @param f function whose sign changes on [lower, upper]
 * @param fLower f(lower), fUpper f(upper): already known to the caller, as R passes them
 * @param tol absolute tolerance on the root (R's `tol`)
 * @param maxIter iteration limit (R's `maxiter`, default 1000)
 * @returns the last best approximation `root`, and whether it converged within `maxIter`
 */
export function brentZero(
  f: (x: number) => number,
  lower: number,
  upper: number,
  fLower: number,
  fUpper: number,
  tol: number,
  maxIter = 1000,
): { root: number; converged: boolean } {
  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, converged: true };
  if (fb === 0) return { root: b, converged: true };

  for (let remaining = maxIter + 1; remaining > 0; remaining--) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      // make b the best approximation
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let step = (c - b) / 2;
    if (Math.abs(step) <= tolerance || fb === 0) return { root: b, converged: true };

    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // interpolation may be tried
      const cb = c - b;
      let p: number;
      let q: number;
      if (a === c) {
        const t1 = fb / fa; // secant
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc; // inverse quadratic
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2)) {
        step = p / q;
      }
    }
    if (Math.abs(step) < tolerance) step = step > 0 ? tolerance : -tolerance;
    a = b;
    fa = fb;
    b += step;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, converged: false };
}
