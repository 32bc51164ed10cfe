import { type Correlation, type WeightedPair, spearmanCorrelation } from './correlation.js';

/** How many faces have this model probability and this mean human rating for one emotion. */
export interface RatingCell {
  readonly emotion: string;
  readonly probability: number;
  readonly rating: number;
  readonly faces: number;
}

export interface RatingCorrelations {
  /** Spearman's ρ of probability vs mean rating over the faces rated for each emotion, in the order asked for. */
  readonly perEmotion: readonly { readonly emotion: string; readonly n: number; readonly spearman: Correlation }[];
  /** Spearman's ρ over every (face, emotion) pair of those emotions at once: one ranking of all of them. */
  readonly pooled: { readonly n: number; readonly spearman: Correlation };
}

/**
 * Does a model give an emotion more probability where people rate that emotion stronger? Spearman's ρ (mid-ranks
 * for ties) of the model's probability against the mean human rating, per emotion and pooled over the emotions,
 * each with its 95% Fisher z interval (Fieller's variance 1.06/(n − 3)). Ranks make the rating scale and the
 * probability's calibration irrelevant: only the order counts.
 */
export function ratingCorrelations(cells: readonly RatingCell[], emotions: readonly string[]): RatingCorrelations {
  const pairs = (of: readonly RatingCell[]): WeightedPair[] => of.map((c) => ({ x: c.probability, y: c.rating, weight: c.faces }));
  const faces = (of: readonly RatingCell[]) => of.reduce((n, c) => n + c.faces, 0);
  const chosen = cells.filter((c) => emotions.includes(c.emotion));
  return {
    perEmotion: emotions.map((emotion) => {
      const of = chosen.filter((c) => c.emotion === emotion);
      return { emotion, n: faces(of), spearman: spearmanCorrelation(pairs(of)) };
    }),
    pooled: { n: faces(chosen), spearman: spearmanCorrelation(pairs(chosen)) },
  };
}
