import type { ConfusionMatrix } from './confusion-matrix.js';
import { type Stat, ratio, undefinedStat } from './stat-result.js';

export interface ClassMetrics {
  readonly category: string;
  /** Items whose gold label is this category. */
  readonly support: number;
  /** Items predicted as this category. */
  readonly predicted: number;
  /** tp/(tp+fp); null when the category was never predicted. */
  readonly precision: number | null;
  /** tp/(tp+fn); null when the category never occurs in gold. */
  readonly recall: number | null;
  /** 2tp/(2tp+fp+fn); null when the category is in neither gold nor predictions. */
  readonly f1: number | null;
}

export interface ClassificationMetrics {
  /** Items counted. */
  readonly n: number;
  readonly accuracy: Stat;
  /** Mean F1 over the categories present in gold or predictions (scikit-learn's default label set). */
  readonly macroF1: Stat;
  /** Mean recall over the categories present in gold (scikit-learn `balanced_accuracy_score`). */
  readonly balancedAccuracy: Stat;
  readonly perClass: readonly ClassMetrics[];
}

function mean(values: readonly (number | null)[], reason: string): Stat {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length === 0 ? undefinedStat(reason) : { value: defined.reduce((a, b) => a + b, 0) / defined.length };
}

/** Accuracy, macro-F1, balanced accuracy and per-class precision/recall/F1 from a confusion matrix. */
export function classificationMetrics(matrix: ConfusionMatrix): ClassificationMetrics {
  const q = matrix.categories.length;
  if (matrix.counts.length !== q || matrix.counts.some((row) => row.length !== q))
    throw new RangeError(`the confusion matrix must be ${q}×${q} (one row and column per category)`);
  const rowSum = matrix.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum = matrix.categories.map((_, p) => matrix.counts.reduce((a, row) => a + row[p]!, 0));
  const n = rowSum.reduce((a, b) => a + b, 0);
  let correct = 0;
  const perClass = matrix.categories.map((category, k): ClassMetrics => {
    const tp = matrix.counts[k]![k]!;
    correct += tp;
    const support = rowSum[k]!;
    const predicted = colSum[k]!;
    return {
      category,
      support,
      predicted,
      precision: ratio(tp, predicted),
      recall: ratio(tp, support),
      f1: ratio(2 * tp, support + predicted),
    };
  });
  const empty = 'no items with both a gold label and a prediction';
  return {
    n,
    accuracy: n === 0 ? undefinedStat(empty) : { value: correct / n },
    macroF1: mean(perClass.map((c) => c.f1), empty),
    balancedAccuracy: mean(perClass.map((c) => c.recall), empty),
    perClass,
  };
}
