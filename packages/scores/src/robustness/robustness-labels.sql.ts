import { EMOTIONS, type Emotion } from '@ferbench/shared';
import { restrictedLabelSql } from '../restricted-label.sql.js';
import type { SqlRows } from '../sql-rows.js';

/** image id → model id → label (a canonical index within the label set). */
export type LabelsByImage = Map<string, Map<string, number>>;

const indices = (labelSet: readonly Emotion[]): number[] => labelSet.map((e) => EMOTIONS.indexOf(e));

/**
 * The models' labels on the dataset's faces, restricted to the label set: clean (`perturbation` null, from
 * predictions) or under a perturbation (from perturbed_predictions, failed images left out).
 */
export async function labelsOn(rows: SqlRows, datasetId: string, models: readonly string[], labelSet: readonly Emotion[], perturbation: string | null): Promise<LabelsByImage> {
  const found =
    perturbation === null
      ? await rows<{ image_id: string; model_id: string; label: number }>(
          `SELECT p.image_id, p.model_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
             FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = $1 AND p.model_id = ANY($2)`,
          [datasetId, models, indices(labelSet)],
        )
      : await rows<{ image_id: string; model_id: string; label: number }>(
          `SELECT p.image_id, p.model_id, ${restrictedLabelSql('p', '$3::smallint[]')} AS label
             FROM perturbed_predictions p JOIN images i ON i.id = p.image_id
            WHERE i.dataset_id = $1 AND p.model_id = ANY($2) AND p.perturbation = $4 AND p.error IS NULL`,
          [datasetId, models, indices(labelSet), perturbation],
        );
  const out: LabelsByImage = new Map();
  for (const r of found) {
    const id = String(r.image_id);
    let byModel = out.get(id);
    if (byModel === undefined) out.set(id, (byModel = new Map()));
    byModel.set(r.model_id, r.label);
  }
  return out;
}

/** The dataset's gold labels within the label set (null: none, or one outside the set), by image id. */
export async function goldWithin(rows: SqlRows, datasetId: string, labelSet: readonly Emotion[]): Promise<Map<string, number | null>> {
  const found = await rows<{ id: string; gold_label: number | null }>(`SELECT id, gold_label FROM images WHERE dataset_id = $1`, [datasetId]);
  const allowed = new Set(indices(labelSet));
  return new Map(found.map((r) => [String(r.id), r.gold_label !== null && allowed.has(r.gold_label) ? r.gold_label : null]));
}

/** Perturbations stored for the dataset (any model), sorted. */
export async function storedPerturbations(rows: SqlRows, datasetId: string): Promise<string[]> {
  const found = await rows<{ perturbation: string }>(
    `SELECT DISTINCT p.perturbation FROM perturbed_predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = $1 ORDER BY 1`,
    [datasetId],
  );
  return found.map((r) => r.perturbation);
}
