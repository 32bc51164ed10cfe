import { type Emotion, commonEmotions, emittableEmotions, validateModelCard } from '@ferbench/shared';
import type { SqlRows } from './sql-rows.js';

/**
 * The registered models (in id order) and the labels every one of them can emit: the set agreement and
 * accuracy are computed over (predictions outside it are restricted to it). Unknown ids are refused by name.
 */
export async function modelLabelSet(rows: SqlRows, modelIds: readonly string[]): Promise<{ models: { id: string; sha256: string }[]; labelSet: Emotion[] }> {
  const cards = await rows<{ id: string; sha256: string; card: unknown }>('SELECT id, sha256, card FROM models WHERE id = ANY($1) ORDER BY id', [modelIds]);
  const missing = modelIds.filter((id) => !cards.some((c) => c.id === id));
  if (missing.length > 0) throw new Error(`unknown model(s) ${missing.join(', ')}`);
  const labelSet = commonEmotions(
    cards.map(({ id, card }) => {
      const { output } = validateModelCard(card, `models.card of ${id}`);
      return emittableEmotions({ labels: output.labels, map: output.labelMap });
    }),
  );
  return { models: cards.map((c) => ({ id: c.id, sha256: c.sha256.trim() })), labelSet };
}
