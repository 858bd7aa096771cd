import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../src/stats/distributions.js';
import { nonCentralTCdf } from '../../src/stats/noncentral-t-cdf.js';
import { pWilcox, qWilcox } from '../../src/stats/rank-sum-distribution.js';
import { pSignRank, qSignRank } from '../../src/stats/signed-rank-distribution.js';
import { expectAllClose } from '../helpers/expect-all-close.js';
import { loadFixture } from './load-fixture.js';

interface Grid {
  t_cdf: { t: number[]; df: number[]; lower: number[]; upper: number[] };
  t_quantile: { p: number[]; df: number[]; q: number[] };
  normal_cdf: { z: number[]; lower: number[]; upper: number[] };
  normal_quantile: { p: number[]; q: number[] };
  noncentral_t_cdf: { q: number[]; df: number[]; ncp: number[]; lower: number[]; upper: number[] };
  rank: {
    wilcox: { m: number; n: number; q: number[]; lower: number[]; upper: number[]; p: number[]; quantile: number[] }[];
    signrank: { n: number; q: number[]; lower: number[]; upper: number[]; p: number[]; quantile: number[] }[];
  };
}
const fx = loadFixture<Grid>('distributions.json');

// p-values: 1e-10 relative down to the underflow limit (R and @stdlib agree to ~1e-13 in both tails).
const P_TOL = { rtol: 1e-10, atol: 1e-300 };

describe('t distribution (R pt, qt)', () => {
  it('lower and upper tails agree with pt() to 1e-10 relative, far tails included', () => {
    const { t, df } = fx.t_cdf;
    expectAllClose(t.map((x, i) => tCdf(x, df[i])), fx.t_cdf.lower, P_TOL, 'pt lower');
    expectAllClose(t.map((x, i) => tCdf(x, df[i], false)), fx.t_cdf.upper, P_TOL, 'pt upper');
  });
  it('quantiles agree with qt() to 1e-12 relative', () => {
    const { p, df } = fx.t_quantile;
    expectAllClose(p.map((x, i) => tQuantile(x, df[i])), fx.t_quantile.q, { rtol: 1e-12 }, 'qt');
  });
});

describe('normal distribution (R pnorm, qnorm)', () => {
  it('both tails agree with pnorm() to 1e-10 relative', () => {
    expectAllClose(fx.normal_cdf.z.map((z) => normalCdf(z)), fx.normal_cdf.lower, P_TOL, 'pnorm lower');
    expectAllClose(fx.normal_cdf.z.map((z) => normalCdf(z, false)), fx.normal_cdf.upper, P_TOL, 'pnorm upper');
  });
  it('quantiles agree with qnorm() to 1e-12 relative, down to p = 1e-300', () => {
    const { p, q } = fx.normal_quantile;
    expectAllClose(p.map((x) => normalQuantile(x)), q, { rtol: 1e-12 }, 'qnorm');
  });
});

describe('non-central t CDF (AS 243 as in R pnt)', () => {
  // AS 243 is an absolute-error algorithm (R stops its series at 1e-12), so tiny tail values are
  // not comparable relatively; measured agreement is 2e-14 absolute.
  it('agrees with pt(q, df, ncp) to 1e-13 absolute plus 1e-9 relative', () => {
    const g = fx.noncentral_t_cdf;
    const tol = { rtol: 1e-9, atol: 1e-13 };
    expectAllClose(g.q.map((q, i) => nonCentralTCdf(q, g.df[i], g.ncp[i])), g.lower, tol, 'pnt lower');
    expectAllClose(g.q.map((q, i) => nonCentralTCdf(q, g.df[i], g.ncp[i], false)), g.upper, tol, 'pnt upper');
  });
  it('reduces to the central t at ncp = 0', () => {
    expect(nonCentralTCdf(-2.5, 7, 0)).toBe(tCdf(-2.5, 7));
  });
});

describe('exact rank distributions (R pwilcox/qwilcox, psignrank/qsignrank)', () => {
  it('rank-sum probabilities and quantiles agree with R', () => {
    for (const c of fx.rank.wilcox) {
      const label = `m=${c.m} n=${c.n}`;
      expectAllClose(c.q.map((q) => pWilcox(q, c.m, c.n)), c.lower, P_TOL, `pwilcox ${label}`);
      expectAllClose(c.q.map((q) => pWilcox(q, c.m, c.n, false)), c.upper, P_TOL, `pwilcox upper ${label}`);
      expect(c.p.map((p) => qWilcox(p, c.m, c.n)), `qwilcox ${label}`).toEqual(c.quantile);
    }
  });
  it('signed-rank probabilities and quantiles agree with R', () => {
    for (const c of fx.rank.signrank) {
      expectAllClose(c.q.map((q) => pSignRank(q, c.n)), c.lower, P_TOL, `psignrank n=${c.n}`);
      expectAllClose(c.q.map((q) => pSignRank(q, c.n, false)), c.upper, P_TOL, `psignrank upper n=${c.n}`);
      expect(c.p.map((p) => qSignRank(p, c.n)), `qsignrank n=${c.n}`).toEqual(c.quantile);
    }
  });
});
