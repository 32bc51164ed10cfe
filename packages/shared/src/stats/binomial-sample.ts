import type { Random } from './seeded-random.js';

/** Below this mean (n·min(p, 1 − p)) inversion is fast; above it BTPE's O(1) rejection sampler takes over. */
const INVERSION_BELOW = 30;

/**
 * An exact Binomial(n, p) draw, as numpy draws them: inversion for a small mean, otherwise BTPE
 * (Kachitvichyanukul & Schmeiser 1988, CACM 31:216–222). Unlike numpy's legacy stream, the Stirling
 * correction of BTPE's final test uses the published constants (1/12 = 13860/166320 and the signs of
 * ln f(m)/f(y)), so acceptance is exactly the binomial pmf.
 */
export function sampleBinomial(random: Random, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const small = Math.min(p, 1 - p);
  const draw = n * small <= INVERSION_BELOW ? inversion(random, n, small) : btpe(random, n, small);
  return p > 0.5 ? n - draw : draw;
}

/** Sequential search from 0 with the pmf recurrence; restarts past a far bound so rounding cannot run away. */
function inversion(random: Random, n: number, p: number): number {
  const q = 1 - p;
  const q0 = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  for (;;) {
    let x = 0;
    let px = q0;
    let u = random();
    while (u > px) {
      x++;
      if (x > bound) break;
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
    if (x <= bound) return x;
  }
}

/** Stirling series remainder of ln x! beyond the leading terms, to 1/(1680x⁷). */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

/** BTPE for p ≤ 1/2 and n·p > 30: triangle/parallelogram/exponential-tail hat, squeeze, then the exact test. */
function btpe(random: Random, n: number, p: number): number {
  const r = p;
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const nrq = n * r * q;
  const p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;

  for (;;) {
    const u = random() * p4;
    let v = random();
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u); // inside the triangle: accepted at once
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }

    const k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2 - 1) {
      // Near the mode: f(y)/f(m) by the pmf recurrence.
      const s = r / q;
      const aa = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= aa / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= aa / i - s;
      if (v <= f) return y;
      continue;
    }
    // Far from the mode: squeeze on ln v, then ln f(y)/f(m) by Stirling.
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) +
      (n - m + 0.5) * Math.log(z / w) +
      (y - m) * Math.log((w * r) / (x1 * q)) +
      stirlingTail(f1) +
      stirlingTail(z) -
      stirlingTail(x1) -
      stirlingTail(w);
    if (logV <= bound) return y;
  }
}

/**
 * Multinomial(n; w / Σw) counts: how many of n draws land on each of the weighted outcomes, by conditional
 * binomials (each outcome given what is left). Weights are integers (item counts), so "what is left" is exact
 * and the last outcome with weight takes the rest.
 */
export function sampleMultinomial(random: Random, n: number, weights: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(weights.length);
  let weightLeft = 0;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j]!;
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weight ${j} must be a non-negative integer, got ${w}`);
    weightLeft += w;
  }
  if (n > 0 && weightLeft === 0) throw new RangeError('cannot draw from outcomes that all have weight 0');
  let left = n;
  for (let j = 0; j < weights.length && left > 0; j++) {
    const w = weights[j]!;
    const x = w >= weightLeft ? left : sampleBinomial(random, left, w / weightLeft);
    counts[j] = x;
    left -= x;
    weightLeft -= w;
  }
  return counts;
}
