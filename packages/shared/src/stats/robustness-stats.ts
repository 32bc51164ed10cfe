import { Z_975 } from './normal-distribution.js';
import { type Stat, undefinedStat } from './stat-result.js';
import { wilsonInterval } from './wilson-interval.js';

export interface PairedAccuracyFields {
  /** Faces with a gold label and both a clean and a perturbed prediction. */
  readonly n: number;
  readonly clean: number;
  readonly perturbed: number;
  /** SE of the change (= value): the SD of the per-face differences over √n. */
  readonly se: number;
  /** 95% paired normal CI of the change. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Accuracy under a perturbation minus clean accuracy on the same faces, with its paired CI. */
export type PairedAccuracyChange = Stat<PairedAccuracyFields>;

function sameLength(...arrays: readonly { length: number }[]): void {
  if (arrays.some((a) => a.length !== arrays[0]?.length)) throw new RangeError(`paired inputs differ in length: ${arrays.map((a) => a.length).join(', ')}`);
}

/**
 * The change in accuracy a perturbation causes, paired by face: d_i = [perturbed_i = gold_i] − [clean_i = gold_i]
 * over the faces with a gold label (null: none); value = mean d, SE = sd(d)/√n with the n − 1 sample SD, and the
 * 95% normal CI value ± 1.96·SE on these differences (the paired-proportions Wald interval; it uses that the same
 * faces are seen twice, which an unpaired CI would ignore). Undefined with fewer than two faces.
 */
export function pairedAccuracyChange(gold: readonly (number | null)[], clean: readonly number[], perturbed: readonly number[]): PairedAccuracyChange {
  sameLength(gold, clean, perturbed);
  const d: number[] = [];
  let correctClean = 0;
  let correctPerturbed = 0;
  gold.forEach((g, i) => {
    if (g === null) return;
    const c = clean[i] === g ? 1 : 0;
    const p = perturbed[i] === g ? 1 : 0;
    correctClean += c;
    correctPerturbed += p;
    d.push(p - c);
  });
  const n = d.length;
  if (n < 2) return undefinedStat(`a paired CI needs at least two faces with a gold label (got ${n})`);
  const mean = d.reduce((a, b) => a + b, 0) / n;
  const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const se = Math.sqrt(variance / n);
  return { value: mean, n, clean: correctClean / n, perturbed: correctPerturbed / n, se, ciLow: mean - Z_975 * se, ciHigh: mean + Z_975 * se };
}

export interface FlipRate {
  /** Faces with both predictions. */
  readonly n: number;
  readonly flips: number;
  /** flips / n; null without faces. */
  readonly value: number | null;
  /** 95% Wilson interval. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/** The share of faces whose predicted label changes under the perturbation, with its Wilson interval. */
export function flipRate(clean: readonly number[], perturbed: readonly number[]): FlipRate {
  sameLength(clean, perturbed);
  const flips = clean.reduce((a, c, i) => a + (c === perturbed[i] ? 0 : 1), 0);
  const n = clean.length;
  return { n, flips, value: n === 0 ? null : flips / n, ...wilsonInterval(flips, n) };
}
