import { EMOTIONS, type Emotion, emotionIndex, isEmotion } from './emotions.js';

/**
 * A published label set and its explicit map into the canonical taxonomy. The map is data, never inferred from
 * position: `labels[i]` is what the source calls class i, `map[label]` its canonical emotion (null: none exists,
 * e.g. FER+'s "unknown").
 */
export interface LabelMap {
  readonly labels: readonly string[];
  readonly map: Readonly<Record<string, Emotion | null>>;
}

/** Canonical index for each source class index (null where the class has no canonical emotion). */
export function canonicalIndices(labelMap: LabelMap): (number | null)[] {
  return labelMap.labels.map((label) => {
    const emotion = labelMap.map[label];
    if (emotion === undefined) throw new Error(`label "${label}" is missing from the label map`);
    return emotion === null ? null : emotionIndex(emotion);
  });
}

/** The canonical emotions a label map can produce, in canonical order. */
export function emittableEmotions(labelMap: LabelMap): Emotion[] {
  const produced = new Set(Object.values(labelMap.map).filter((e): e is Emotion => e !== null));
  return EMOTIONS.filter((e) => produced.has(e));
}

/** Problems with a label map, as readable sentences; empty when it is valid. */
export function labelMapProblems(labelMap: LabelMap, where: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const label of labelMap.labels) {
    if (seen.has(label)) problems.push(`${where}: label "${label}" appears twice`);
    seen.add(label);
    const target = labelMap.map[label];
    if (target === undefined) problems.push(`${where}: label "${label}" has no entry in the map`);
    else if (target !== null && !isEmotion(target))
      problems.push(`${where}: label "${label}" maps to "${String(target)}", expected one of ${EMOTIONS.join(', ')} or null`);
  }
  for (const key of Object.keys(labelMap.map))
    if (!seen.has(key)) problems.push(`${where}: map has "${key}", which is not one of the labels`);
  return problems;
}
