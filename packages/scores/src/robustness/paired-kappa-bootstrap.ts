import {
  type BootstrapCi,
  type BootstrapOptions,
  type FleissKappa,
  type PatternTable,
  bootstrapSettings,
  fleissKappa,
  mulberry32,
  noItemsCi,
  percentileCi,
  sampleMultinomial,
} from '@ferbench/shared';

/** The count rows one face has clean and under a perturbation (raters per category), and how many faces share both. */
export interface PairedPattern {
  readonly clean: readonly number[];
  readonly perturbed: readonly number[];
  readonly weight: number;
}

/** Faces as distinct (clean, perturbed) count-row pairs: what a paired bootstrap over faces resamples. */
export interface PairedPatternTable {
  readonly categories: readonly string[];
  readonly patterns: readonly PairedPattern[];
}

export interface PairedKappaBootstrap {
  /** Fleiss κ clean and perturbed on the faces, and perturbed − clean (null where either is undefined). */
  readonly kappaClean: FleissKappa;
  readonly kappaPerturbed: FleissKappa;
  readonly delta: number | null;
  /** Percentile CIs from the same resamples of faces, so the Δκ interval is paired. */
  readonly ci: { readonly clean: BootstrapCi; readonly perturbed: BootstrapCi; readonly delta: BootstrapCi };
}

/** The default of `ferbench robustness report` and the API: 1,000 resamples, seed 1, 95%. */
export const PAIRED_KAPPA_BOOTSTRAP: Required<BootstrapOptions> = { resamples: 1000, seed: 1, level: 0.95 };

/**
 * Tallies faces into (clean, perturbed) row pairs once: `clean[i]` and `perturbed[i]` are face i's count rows. The
 * pairs are sorted, so the same faces give the same table (and the same CIs for a seed) in any order.
 */
export function pairedPatterns(categories: readonly string[], clean: readonly ArrayLike<number>[], perturbed: readonly ArrayLike<number>[]): PairedPatternTable {
  if (clean.length !== perturbed.length) throw new RangeError(`paired rows differ in length: ${clean.length} clean, ${perturbed.length} perturbed`);
  const found = new Map<string, { clean: number[]; perturbed: number[]; weight: number }>();
  clean.forEach((row, i) => {
    const c = Array.from(row);
    const p = Array.from(perturbed[i]!);
    const key = `${c.join(',')}|${p.join(',')}`;
    const hit = found.get(key);
    if (hit === undefined) found.set(key, { clean: c, perturbed: p, weight: 1 });
    else hit.weight++;
  });
  const patterns = [...found.values()].sort((a, b) => compareRows(a.clean, b.clean) || compareRows(a.perturbed, b.perturbed));
  return { categories, patterns };
}

function compareRows(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return 0;
}

const side = (table: PairedPatternTable, which: 'clean' | 'perturbed', weights: ArrayLike<number>): PatternTable => ({
  categories: table.categories,
  patterns: table.patterns.map((p, j) => ({ counts: p[which], weight: weights[j]! })),
});

const difference = (clean: FleissKappa, perturbed: FleissKappa): number | null => (clean.value === null || perturbed.value === null ? null : perturbed.value - clean.value);

/**
 * Fleiss κ clean and perturbed on the same faces with percentile bootstrap CIs, and a paired percentile CI for
 * Δκ = κ perturbed − κ clean: each resample draws N faces with replacement and takes each drawn face clean and
 * perturbed together, so the Δκ interval keeps the pairing (a face hard for the models is hard in both). A
 * resample of N faces from N is a Multinomial(N; w/N) draw over the (clean, perturbed) patterns, so its cost is one
 * draw per distinct pair, not per face; κ is the shared pattern-based Fleiss κ. Seeded: the same faces and seed
 * give the same CIs.
 */
export function pairedKappaBootstrap(table: PairedPatternTable, raters: number, options: BootstrapOptions = PAIRED_KAPPA_BOOTSTRAP): PairedKappaBootstrap {
  const { resamples, seed } = bootstrapSettings(options);
  const weights = table.patterns.map((p) => p.weight);
  const kappaClean = fleissKappa(side(table, 'clean', weights), { raters });
  const kappaPerturbed = fleissKappa(side(table, 'perturbed', weights), { raters });
  const faces = weights.reduce((a, w) => a + w, 0);
  const point = { kappaClean, kappaPerturbed, delta: difference(kappaClean, kappaPerturbed) };
  if (faces === 0) return { ...point, ci: { clean: noItemsCi(options), perturbed: noItemsCi(options), delta: noItemsCi(options) } };

  const random = mulberry32(seed);
  const clean: (number | null)[] = [];
  const perturbed: (number | null)[] = [];
  const delta: (number | null)[] = [];
  for (let b = 0; b < resamples; b++) {
    const drawn = sampleMultinomial(random, faces, weights);
    const c = fleissKappa(side(table, 'clean', drawn), { raters });
    const p = fleissKappa(side(table, 'perturbed', drawn), { raters });
    clean.push(c.value);
    perturbed.push(p.value);
    delta.push(difference(c, p));
  }
  return { ...point, ci: { clean: percentileCi(clean, options), perturbed: percentileCi(perturbed, options), delta: percentileCi(delta, options) } };
}
