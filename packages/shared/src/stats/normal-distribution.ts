/**
 * Standard normal distribution. Reference p-values come from R (`pnorm`) and scipy (`norm.sf`), so the CDF is
 * W. J. Cody's rational Chebyshev algorithm (ACM TOMS 715), the one R's pnorm_both runs: relative accuracy near
 * double precision in both tails, where an erf-based 1 − Φ would lose every digit.
 */

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113] as const;
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956] as const;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5, 0.02307344176494017303] as const;
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;
const SQRT_32 = 5.656854249492380195206754896838;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const HALF_EPSILON = Number.EPSILON * 0.5;

/** The 97.5% quantile of the standard normal (scipy `norm.isf(0.025)`), which statsmodels uses for 95% CIs. */
export const Z_975 = 1.959963984540054;

/** e^(−x²/2)·factor, splitting x so that x² is exact (Cody's trick against cancellation in the tail). */
function gaussianTail(x: number, factor: number): number {
  const xsq = Math.trunc(x * 16) / 16;
  const del = (x - xsq) * (x + xsq);
  return Math.exp(-xsq * xsq * 0.5) * Math.exp(-del * 0.5) * factor;
}

/** P(Z > y) for y ≥ 0. */
function upperTailNonNegative(y: number): number {
  if (y <= 0.67448975) {
    let xnum = 0;
    let xden = 0;
    if (y > HALF_EPSILON) {
      const xsq = y * y;
      xnum = A[4] * xsq;
      xden = xsq;
      for (let i = 0; i < 3; i++) {
        xnum = (xnum + A[i]!) * xsq;
        xden = (xden + B[i]!) * xsq;
      }
    }
    return 0.5 - (y * (xnum + A[3])) / (xden + B[3]);
  }
  if (y <= SQRT_32) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    return gaussianTail(y, (xnum + C[7]) / (xden + D[7]));
  }
  if (y < 38.5) {
    const xsq = 1 / (y * y);
    let xnum = P[5] * xsq;
    let xden = xsq;
    for (let i = 0; i < 4; i++) {
      xnum = (xnum + P[i]!) * xsq;
      xden = (xden + Q[i]!) * xsq;
    }
    const r = (xsq * (xnum + P[4])) / (xden + Q[4]);
    return gaussianTail(y, (ONE_OVER_SQRT_2PI - r) / y);
  }
  return 0;
}

/** P(Z > x). */
export function normalUpperTail(x: number): number {
  return x >= 0 ? upperTailNonNegative(x) : 1 - upperTailNonNegative(-x);
}

/** Φ(x) = P(Z ≤ x). */
export function normalCdf(x: number): number {
  return x >= 0 ? 1 - upperTailNonNegative(x) : upperTailNonNegative(-x);
}

/** Two-sided p-value of a z statistic, 2·P(Z > |z|) (scipy's 2·sf; R's 2(1 − pnorm) agrees to ~1e-16). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * upperTailNonNegative(Math.abs(z)));
}
