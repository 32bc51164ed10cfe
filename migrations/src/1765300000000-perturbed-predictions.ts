import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * perturbed_predictions: a model's prediction on an image under a perturbation (its canonical name, e.g.
 * `blur(sigma=2)`, see @ferbench/inference perturb/), made by `ferbench robustness run`. Kept apart from
 * `predictions` so that clean predictions and every query over them are untouched. A row either holds a
 * prediction (label, probs, raw) or the error that kept the image from one (`error`; e.g. no face for a mask);
 * a later run tries failed rows again.
 */
export class PerturbedPredictions1765300000000 implements MigrationInterface {
  name = 'PerturbedPredictions1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE perturbed_predictions (
        model_id      text NOT NULL REFERENCES models(id) ON DELETE CASCADE,
        image_id      bigint NOT NULL REFERENCES images(id) ON DELETE CASCADE,
        perturbation  text NOT NULL CHECK (perturbation ~ '^[a-z][a-z0-9_]*(\\(.+\\))?$'),
        label         smallint CHECK (label BETWEEN 0 AND 7),
        probs         real[] CHECK (cardinality(probs) = 8),
        raw           real[],
        error         text,
        predicted_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (model_id, image_id, perturbation),
        CONSTRAINT perturbed_predictions_outcome CHECK ((error IS NULL) = (label IS NOT NULL) AND (label IS NULL) = (probs IS NULL) AND (probs IS NULL) = (raw IS NULL))
      )`);
    await q.query(`CREATE INDEX perturbed_predictions_perturbation ON perturbed_predictions (perturbation, image_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE perturbed_predictions`);
  }
}
