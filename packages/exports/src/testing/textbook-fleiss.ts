import { EMOTIONS } from '@ferbench/shared';

/** A prediction as an export gives it: the model's label and its probability per canonical emotion (null where it cannot emit it). */
export interface ExportedVote {
  face: string;
  model: string;
  predicted: string;
  probs: (number | null)[];
}

/**
 * Fleiss' κ from exported prediction rows alone, as a reader of the export would compute it by hand: the label set
 * is the emotions every model gives a probability for; a label outside it becomes the most probable label inside
 * it (ties: the earlier emotion); faces that every model predicted are counted; then Fleiss (1971) term by term.
 */
export function textbookFleissFromExport(votes: readonly ExportedVote[]): { kappa: number; faces: number; labelSet: string[] } {
  const models = [...new Set(votes.map((v) => v.model))];
  const labelSet = EMOTIONS.filter((_, k) => votes.every((v) => v.probs[k] !== null));
  const byFace = new Map<string, string[]>();
  for (const v of votes) {
    let label = v.predicted;
    if (!labelSet.includes(label as (typeof labelSet)[number])) {
      let best = -1;
      for (const [k, e] of EMOTIONS.entries()) if (labelSet.includes(e) && v.probs[k]! > best) (best = v.probs[k]!), (label = e);
    }
    byFace.set(v.face, [...(byFace.get(v.face) ?? []), label]);
  }
  const n = models.length;
  const complete = [...byFace.values()].filter((labels) => labels.length === n);
  const N = complete.length;
  let sumP = 0;
  const totals = new Map<string, number>();
  for (const labels of complete) {
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    let squares = 0;
    for (const [l, c] of counts) (squares += c * c), totals.set(l, (totals.get(l) ?? 0) + c);
    sumP += (squares - n) / (n * (n - 1));
  }
  const pBar = sumP / N;
  let pE = 0;
  for (const c of totals.values()) pE += (c / (N * n)) ** 2;
  return { kappa: (pBar - pE) / (1 - pE), faces: N, labelSet: [...labelSet] };
}
