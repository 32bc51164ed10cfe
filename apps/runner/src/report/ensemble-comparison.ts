import { type PairedCorrectness, type SqlRows, goldEmotions, pairedCorrectness } from '@ferbench/scores';
import { type Emotion, EMOTIONS, commonEmotions, mcnemarTest, wilsonInterval } from '@ferbench/shared';
import type { ZooScores } from './zoo-scores.js';

export const ENSEMBLE_IDS = ['zoo-mean', 'zoo-vote'] as const;

export interface EnsembleVersusBest {
  datasetId: string;
  /** The zoo model with the highest leaderboard accuracy on the dataset. */
  best: string;
  /** Gold labels ∩ the labels every zoo model can emit: the faces all three are scored on. */
  labelSet: Emotion[];
  rows: { model: string; n: number; accuracy: number; ciLow: number | null; ciHigh: number | null; mcnemarP: number | null; b: number | null; c: number | null }[];
}

/**
 * Per dataset: the best single zoo model against zoo-mean and zoo-vote, on the same faces (those whose gold label
 * every zoo model can emit), accuracy with its 95% Wilson CI and McNemar's p of each ensemble against the best.
 */
export async function ensemblesVersusBest(rows: SqlRows, scores: ZooScores): Promise<EnsembleVersusBest[]> {
  const present = await rows<{ id: string; dataset_id: string }>(
    `SELECT DISTINCT r.model_id AS id, r.dataset_id FROM runs r WHERE r.model_id = ANY($1) AND r.status = 'done'`,
    [ENSEMBLE_IDS],
  );
  const out: EnsembleVersusBest[] = [];
  for (const d of scores.datasets) {
    const ranked = scores.models.filter((m) => m.scores[d.id]?.accuracy != null).sort((a, b) => b.scores[d.id]!.accuracy! - a.scores[d.id]!.accuracy!);
    const ensembles = ENSEMBLE_IDS.filter((id) => present.some((p) => p.id === id && p.dataset_id === d.id));
    if (ranked.length === 0 || ensembles.length === 0) continue;
    const best = ranked[0]!.id;
    const zooLabels = commonEmotions(ranked.map((m) => m.scores[d.id]!.labelSet));
    const labelSet = commonEmotions([await goldEmotions(rows, d.id), zooLabels.length > 0 ? zooLabels : [...EMOTIONS]]);
    const pairs: [string, PairedCorrectness][] = [];
    for (const id of ensembles) pairs.push([id, await pairedCorrectness(rows, d.id, best, id, labelSet)]);
    const first = pairs[0]![1];
    const row = (model: string, right: number, n: number, test: PairedCorrectness | null) => {
      const ci = wilsonInterval(right, n);
      const m = test === null ? null : mcnemarTest(test.aOnly, test.bOnly);
      return { model, n, accuracy: right / n, ciLow: ci.ciLow, ciHigh: ci.ciHigh, mcnemarP: m?.p ?? null, b: test?.aOnly ?? null, c: test?.bOnly ?? null };
    };
    out.push({ datasetId: d.id, best, labelSet, rows: [row(best, first.aRight, first.n, null), ...pairs.map(([id, p]) => row(id, p.bRight, p.n, p))] });
  }
  return out;
}

const pct = (x: number | null) => (x === null ? '–' : (100 * x).toFixed(1));
const p = (x: number | null) => (x === null ? '' : x < 1e-4 ? x.toExponential(1) : x.toFixed(4));

/** The comparison as Markdown: one table row per dataset and model. */
export function ensemblesMarkdown(found: readonly EnsembleVersusBest[]): string {
  const lines = [
    '| dataset | model | faces | accuracy % (95% Wilson CI) | McNemar vs best single: b / c, p |',
    '| --- | --- | ---: | ---: | ---: |',
  ];
  for (const d of found)
    for (const r of d.rows)
      lines.push(
        `| ${d.datasetId} | \`${r.model}\`${r.model === d.best ? ' (best single)' : ''} | ${r.n} | ${pct(r.accuracy)} (${pct(r.ciLow)}–${pct(r.ciHigh)}) | ${r.b === null ? '' : `${r.b} / ${r.c}, p = ${p(r.mcnemarP)}`} |`,
      );
  lines.push(
    '',
    'b: faces the best single model gets right and the ensemble wrong; c: the reverse. Exact binomial McNemar below 25 discordant pairs, else χ² with continuity correction. Faces: those whose gold label every zoo model can emit, predicted by both.',
  );
  return lines.join('\n');
}
