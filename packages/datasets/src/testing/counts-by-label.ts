import type { ImportSummary } from '../import-dataset.js';

/** An import's faces per published label of one split, keyed `label:emotion` (what tests compare with SOURCE.txt). */
export function countsByLabel(summary: ImportSummary, split: string): Record<string, number> {
  return Object.fromEntries(summary.counts.filter((c) => c.split === split).map((c) => [`${c.labelRaw}:${c.emotion}`, c.count]));
}
