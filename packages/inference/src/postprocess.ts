import { EMOTION_COUNT, type ModelOutput, canonicalIndices } from '@ferbench/shared';

/** One face's result in canonical terms, ready for the predictions table. */
export interface CanonicalPrediction {
  /** Canonical index of the most probable emotion the model can emit. */
  label: number;
  /** Probability per canonical emotion (EMOTIONS order); null where the model has no such class. */
  probs: (number | null)[];
  /** The model's output for this face, as it came (logits or probabilities). */
  raw: number[];
}

/** Softmax, shifted by the maximum so that large logits do not overflow. */
export function softmax(values: ArrayLike<number>): number[] {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  const exps = Array.from(values, (v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Turns model outputs into canonical predictions. Logits go through softmax; the model's classes are then placed
 * in canonical order by the card's label map (data, never position). A class with no canonical emotion keeps its
 * probability out of `probs`, and the label is the argmax over the emotions the model can emit (ties: the first
 * in canonical order).
 */
export function canonicalPredictor(output: ModelOutput): (raw: ArrayLike<number>) => CanonicalPrediction {
  const targets = canonicalIndices({ labels: output.labels, map: output.labelMap });
  return (raw) => {
    if (raw.length !== targets.length) throw new RangeError(`expected ${targets.length} outputs (${output.labels.join(', ')}), got ${raw.length}`);
    for (let i = 0; i < raw.length; i++) if (!Number.isFinite(raw[i])) throw new RangeError(`the model produced a non-finite output (${Array.from(raw).join(', ')})`);
    const probabilities = output.kind === 'logits' ? softmax(raw) : Array.from(raw);
    const probs: (number | null)[] = new Array<number | null>(EMOTION_COUNT).fill(null);
    targets.forEach((target, i) => {
      if (target !== null) probs[target] = (probs[target] ?? 0) + (probabilities[i] as number);
    });
    let label = -1;
    probs.forEach((p, i) => {
      if (p !== null && (label === -1 || p > (probs[label] as number))) label = i;
    });
    return { label, probs, raw: Array.from(raw) };
  };
}
