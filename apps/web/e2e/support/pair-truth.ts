import { EMOTIONS, type Emotion, emotionAt } from '@ferbench/shared';
import type pg from 'pg';

/**
 * Two models head to head, worked out here from the prediction rows alone (not through the API): over the labels
 * both can emit (a stored probability is null for a label a model cannot give), each prediction restricted to
 * them (its label, else its most probable label among them, the earlier on a tie), on the faces both predicted.
 */
export interface PairTruth {
  labelSet: Emotion[];
  nFaces: number;
  /** Image ids (as text) of the faces on which the restricted labels differ, ascending. */
  differ: string[];
  /** Gold label of each paired face (null: unlabelled), by image id. */
  gold: Map<string, Emotion | null>;
  /** Cohen's κ of the two restricted labellings: (p_o − p_e) / (1 − p_e). */
  kappa: number;
  /** Over the paired faces whose gold label is in labelSet. */
  accuracyA: number;
  accuracyB: number;
  /** McNemar's discordant counts: only A right, only B right. */
  b: number;
  c: number;
}

interface Row {
  image_id: string;
  model_id: string;
  label: number;
  probs: (number | null)[];
  gold_label: number | null;
}

function restrict(row: Row, allowed: ReadonlySet<number>): number {
  if (allowed.has(row.label)) return row.label;
  let best = -1;
  for (const k of allowed) if (row.probs[k] != null && (best < 0 || row.probs[k]! > row.probs[best]!)) best = k;
  return best;
}

export async function pairTruth(client: pg.Client, datasetId: string, modelA: string, modelB: string): Promise<PairTruth> {
  const { rows } = await client.query<Row>(
    `SELECT p.image_id::text, p.model_id, p.label, p.probs, i.gold_label
       FROM predictions p JOIN images i ON i.id = p.image_id
      WHERE i.dataset_id = $1 AND p.model_id = ANY($2) ORDER BY p.image_id`,
    [datasetId, [modelA, modelB]],
  );
  const emits = (model: string) => new Set(EMOTIONS.map((_, k) => k).filter((k) => rows.some((r) => r.model_id === model && r.probs[k] != null)));
  const [canA, canB] = [emits(modelA), emits(modelB)];
  const allowed = new Set([...canA].filter((k) => canB.has(k)).sort((x, y) => x - y));

  const faces = new Map<string, { gold: number | null; a?: number; b?: number }>();
  for (const row of rows) {
    const face = faces.get(row.image_id) ?? { gold: row.gold_label };
    face[row.model_id === modelA ? 'a' : 'b'] = restrict(row, allowed);
    faces.set(row.image_id, face);
  }
  const paired = [...faces.entries()].filter(([, f]) => f.a !== undefined && f.b !== undefined) as [string, { gold: number | null; a: number; b: number }][];
  const n = paired.length;
  const differ = paired.filter(([, f]) => f.a !== f.b).map(([id]) => id).sort((x, y) => Number(x) - Number(y));
  let pe = 0;
  for (const k of allowed) pe += (paired.filter(([, f]) => f.a === k).length / n) * (paired.filter(([, f]) => f.b === k).length / n);
  const po = 1 - differ.length / n;
  const scored = paired.filter(([, f]) => f.gold !== null && allowed.has(f.gold));
  const right = (which: 'a' | 'b', f: { gold: number | null; a: number; b: number }) => f[which] === f.gold;
  return {
    labelSet: [...allowed].map(emotionAt),
    nFaces: n,
    differ,
    gold: new Map(paired.map(([id, f]) => [id, f.gold === null ? null : emotionAt(f.gold)])),
    kappa: (po - pe) / (1 - pe),
    accuracyA: scored.filter(([, f]) => right('a', f)).length / scored.length,
    accuracyB: scored.filter(([, f]) => right('b', f)).length / scored.length,
    b: scored.filter(([, f]) => right('a', f) && !right('b', f)).length,
    c: scored.filter(([, f]) => !right('a', f) && right('b', f)).length,
  };
}
