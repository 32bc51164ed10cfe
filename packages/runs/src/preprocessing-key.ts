import type { ModelCard } from '@ferbench/shared';

/**
 * What a model's input tensor depends on: size, channels, colour, crop (and its margin), resize kernel, pixel
 * range and layout; not the tensor's name nor the graph's batch. Models with equal keys can be fed one tensor.
 */
export function preprocessingKey(card: ModelCard): string {
  const { layout, width, height, channels, colorSpace, crop, margin, resize, scale, mean, std } = card.input;
  return JSON.stringify({ layout, width, height, channels, colorSpace, crop, margin: crop === 'detect' ? (margin ?? null) : null, resize, scale, mean, std });
}

/** Items grouped by a key, groups in the order their first item comes, items in their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}
