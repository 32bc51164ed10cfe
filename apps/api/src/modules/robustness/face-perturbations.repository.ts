import type { DataSource } from 'typeorm';

/** A stored vote on one face: clean (perturbation null, from predictions) or perturbed; label null: the run failed. */
export interface StoredFaceVote {
  perturbation: string | null;
  modelId: string;
  label: number | null;
  probability: number | null;
  error: string | null;
}

export class FacePerturbationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every perturbed prediction for the image, and the clean predictions of the models that have one: nothing when
   * no model was run on a perturbation of it.
   */
  async votes(imageId: string): Promise<StoredFaceVote[]> {
    const rows: { perturbation: string | null; model_id: string; label: number | null; probability: number | null; error: string | null }[] = await this.dataSource.query(
      `WITH perturbed AS (SELECT perturbation, model_id, label, probs, error FROM perturbed_predictions WHERE image_id = $1)
       SELECT perturbation, model_id, label, probs[label + 1] AS probability, error FROM perturbed
       UNION ALL
       SELECT NULL, p.model_id, p.label, p.probs[p.label + 1], NULL FROM predictions p
        WHERE p.image_id = $1 AND p.model_id IN (SELECT model_id FROM perturbed)
       ORDER BY 1 NULLS FIRST, 2`,
      [imageId],
    );
    return rows.map((r) => ({ perturbation: r.perturbation, modelId: r.model_id, label: r.label, probability: r.probability, error: r.error }));
  }
}
