import { EMOTIONS, type Emotion } from '@ferbench/shared';

/**
 * A vote within a label set: the model's own vote when the set has it, otherwise the most probable emotion of the
 * set (ties: the earlier canonical emotion); null when the model gives none of them a probability. The same rule as
 * the runner's restrictedLabelSql, for a vote that never reaches the database.
 */
export function restrictedVote(label: Emotion | null, probabilities: readonly (number | null)[], labelSet: readonly Emotion[]): Emotion | null {
  if (label !== null && labelSet.includes(label)) return label;
  let best: Emotion | null = null;
  let bestProbability = -Infinity;
  for (const emotion of EMOTIONS) {
    const p = probabilities[EMOTIONS.indexOf(emotion)];
    if (!labelSet.includes(emotion) || p === null || p === undefined || p <= bestProbability) continue;
    best = emotion;
    bestProbability = p;
  }
  return best;
}
