/** A metric's value in one group of a slice (null where it is undefined there). */
export interface GroupValue {
  readonly group: string;
  readonly value: number | null;
}

export interface SliceGap {
  /** Highest minus lowest value over the groups where the metric is defined; null with fewer than two such groups. */
  readonly value: number | null;
  readonly highGroup: string | null;
  readonly lowGroup: string | null;
  /** Groups left out because the metric is undefined there. */
  readonly undefinedGroups: readonly string[];
}

/**
 * The largest gap between groups: max − min over the groups (Fairlearn's MetricFrame.difference(method="between_groups")).
 * Ties keep the first group in the order given, so the answer is stable.
 */
export function largestGap(values: readonly GroupValue[]): SliceGap {
  const defined = values.filter((v): v is GroupValue & { value: number } => v.value !== null);
  const undefinedGroups = values.filter((v) => v.value === null).map((v) => v.group);
  if (defined.length < 2) return { value: null, highGroup: null, lowGroup: null, undefinedGroups };
  let high = defined[0]!;
  let low = defined[0]!;
  for (const v of defined) {
    if (v.value > high.value) high = v;
    if (v.value < low.value) low = v;
  }
  return { value: high.value - low.value, highGroup: high.group, lowGroup: low.group, undefinedGroups };
}
