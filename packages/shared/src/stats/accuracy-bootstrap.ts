import { type BootstrapCi, type BootstrapOptions, bootstrapCi } from './bootstrap-ci.js';
import { labelledItems } from './confusion-matrix.js';

/** Bootstrap CI of accuracy, resampling the items that have both a gold label and a prediction. */
export function accuracyBootstrapCi(
  categories: readonly string[],
  gold: readonly (string | null)[],
  predicted: readonly (string | null)[],
  options: BootstrapOptions,
): BootstrapCi {
  const items = labelledItems(categories, gold, predicted);
  const correct = Uint8Array.from(items.gold, (g, i) => (g === items.predicted[i] ? 1 : 0));
  return bootstrapCi(correct.length, (sample) => sample.reduce((a, i) => a + correct[i]!, 0) / sample.length, options);
}
