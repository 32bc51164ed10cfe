import { categoryIndexer } from './category-index.js';

/** Gold × predicted counts; SQL can produce it with `GROUP BY gold, predicted`. */
export interface ConfusionMatrix {
  readonly categories: readonly string[];
  /** counts[g][p]: items whose gold label is category g and prediction is category p. */
  readonly counts: readonly (readonly number[])[];
}

/** Gold and predicted category indices of the items that have both. */
export interface LabelledItems {
  readonly gold: Int32Array;
  readonly predicted: Int32Array;
  readonly skippedNoGold: number;
  /** Items with a gold label but no prediction (e.g. no face found); skipped, not counted as errors. */
  readonly skippedNoPrediction: number;
}

/** Pairs gold with predictions, skipping items without gold or without a prediction; unknown labels throw. */
export function labelledItems(categories: readonly string[], gold: readonly (string | null)[], predicted: readonly (string | null)[]): LabelledItems {
  if (gold.length !== predicted.length) throw new RangeError(`${gold.length} gold labels but ${predicted.length} predictions`);
  const indexOf = categoryIndexer(categories);
  const g: number[] = [];
  const p: number[] = [];
  let skippedNoGold = 0;
  let skippedNoPrediction = 0;
  gold.forEach((label, i) => {
    const guess = predicted[i] ?? null;
    if (label === null) skippedNoGold++;
    else if (guess === null) skippedNoPrediction++;
    else {
      g.push(indexOf(label, `gold of item ${i}`));
      p.push(indexOf(guess, `prediction for item ${i}`));
    }
  });
  return { gold: Int32Array.from(g), predicted: Int32Array.from(p), skippedNoGold, skippedNoPrediction };
}

export interface LabelledConfusionMatrix extends ConfusionMatrix {
  /** Items counted (gold and prediction both present). */
  readonly n: number;
  readonly skippedNoGold: number;
  readonly skippedNoPrediction: number;
}

/** Builds the confusion matrix from per-item labels, skipping items without gold (and without a prediction). */
export function confusionMatrix(
  categories: readonly string[],
  gold: readonly (string | null)[],
  predicted: readonly (string | null)[],
): LabelledConfusionMatrix {
  const items = labelledItems(categories, gold, predicted);
  const counts = categories.map(() => new Array<number>(categories.length).fill(0));
  items.gold.forEach((g, i) => counts[g]![items.predicted[i]!]!++);
  return { categories, counts, n: items.gold.length, skippedNoGold: items.skippedNoGold, skippedNoPrediction: items.skippedNoPrediction };
}
