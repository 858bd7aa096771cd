/**
 * Solves mat·x = rhs by Gaussian elimination with partial pivoting (LAPACK `dgesv`'s method).
 * Returns null when a pivot is exactly zero (the matrix is singular). The inputs are not modified.
 */
export function solveLinear(mat: readonly (readonly number[])[], rhs: readonly number[]): Float64Array | null {
  const m = rhs.length;
  const A = mat.map((r) => [...r]);
  const y = [...rhs];
  for (let k = 0; k < m; k++) {
    let piv = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(A[i][k]) > Math.abs(A[piv][k])) piv = i;
    if (A[piv][k] === 0) return null;
    if (piv !== k) {
      [A[k], A[piv]] = [A[piv], A[k]];
      [y[k], y[piv]] = [y[piv], y[k]];
    }
    const r = 1 / A[k][k];
    for (let i = k + 1; i < m; i++) {
      const l = A[i][k] * r;
      if (l === 0) continue;
      for (let j = k + 1; j < m; j++) A[i][j] -= l * A[k][j];
      y[i] -= l * y[k];
    }
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let j = i + 1; j < m; j++) s -= A[i][j] * x[j];
    x[i] = s / A[i][i];
  }
  return x;
}
