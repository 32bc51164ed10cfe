import { categoryIndexer } from './category-index.js';

/** Gold × predicted counts; SQL can produce it with `GROUP BY gold, predicted`. */
export interface ConfusionMatrix {
  readonly categories: readonly string[];
  /** counts[g][p]: items whose gold label is category g and prediction is category p. */
  readonly counts: readonly (readonly number[])[];
}

export interface LabelledConfusionMatrix extends ConfusionMatrix {
  /** Items counted (gold and prediction both present). */
  readonly n: number;
  readonly skippedNoGold: number;
  /** Items with a gold label but no prediction (e.g. no face found); skipped, not counted as errors. */
  readonly skippedNoPrediction: number;
}

/** Builds the confusion matrix from per-item labels, skipping items without gold (and without a prediction). */
export function confusionMatrix(
  categories: readonly string[],
  gold: readonly (string | null)[],
  predicted: readonly (string | null)[],
): LabelledConfusionMatrix {
  if (gold.length !== predicted.length) throw new RangeError(`${gold.length} gold labels but ${predicted.length} predictions`);
  const indexOf = categoryIndexer(categories);
  const counts = categories.map(() => new Array<number>(categories.length).fill(0));
  let n = 0;
  let skippedNoGold = 0;
  let skippedNoPrediction = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] ?? null;
    if (g === null) skippedNoGold++;
    else if (p === null) skippedNoPrediction++;
    else {
      counts[indexOf(g, `gold of item ${i}`)]![indexOf(p, `prediction for item ${i}`)]!++;
      n++;
    }
  });
  return { categories, counts, n, skippedNoGold, skippedNoPrediction };
}
