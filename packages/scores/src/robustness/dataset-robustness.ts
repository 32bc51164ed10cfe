import { type CountArrays, EMOTIONS, type Emotion, type FleissKappa, type FlipRate, type PairedAccuracyChange, countTableFromRatings, fleissKappa, flipRate, pairedAccuracyChange } from '@ferbench/shared';
import { datasetContentSha256 } from '../dataset-sha256.sql.js';
import { modelLabelSet } from '../model-label-set.js';
import type { SqlRows } from '../sql-rows.js';
import { type PairedPatternTable, pairedPatterns } from './paired-kappa-bootstrap.js';
import { type LabelsByImage, goldWithin, labelsOn, storedPerturbations } from './robustness-labels.sql.js';

export interface ModelUnderPerturbation {
  modelId: string;
  /** Accuracy clean and perturbed on the same faces, the change, its paired normal CI (faces with a gold label). */
  accuracy: PairedAccuracyChange;
  /** Share of faces whose label changed. */
  flips: FlipRate;
}

export interface PerturbationRobustness {
  perturbation: string;
  /** Faces every model predicted both clean and under the perturbation: what every number here is over. */
  nFaces: number;
  /** Fleiss κ among the models on those faces, clean and perturbed. */
  kappaClean: FleissKappa;
  kappa: FleissKappa;
  /** The same faces as (clean, perturbed) count-row pairs, for the paired bootstrap of κ (pairedKappaBootstrap). */
  paired: PairedPatternTable;
  models: ModelUnderPerturbation[];
}

export interface DatasetRobustness {
  datasetId: string;
  datasetSha256: string;
  models: { id: string; sha256: string }[];
  labelSet: Emotion[];
  perturbations: PerturbationRobustness[];
}

function countsOf(faces: readonly string[], labels: LabelsByImage, models: readonly string[], labelSet: readonly Emotion[]): CountArrays {
  const ratings = faces.map((f) => models.map((m) => EMOTIONS[labels.get(f)?.get(m) as number] as string));
  return countTableFromRatings(labelSet, models.length, ratings);
}

/**
 * How each model and the models' agreement move under each perturbation on one dataset: per perturbation, over the
 * faces every model predicted both clean and perturbed (complete cases, so clean and perturbed numbers are on the
 * same faces), Fleiss κ clean and perturbed, and per model the paired accuracy change and the flip rate. Labels are
 * restricted to the set every model can emit. `perturbations` null: every one stored for the dataset. `cleanFrom`:
 * take the clean labels from this stored identity perturbation (e.g. `blur(sigma=0)`, which reproduces the clean
 * predictions exactly) instead of `predictions`, for a subset whose clean run was not made.
 */
export async function datasetRobustness(
  rows: SqlRows,
  datasetId: string,
  modelIds: readonly string[],
  perturbations: readonly string[] | null,
  cleanFrom: string | null = null,
): Promise<DatasetRobustness> {
  const { models, labelSet } = await modelLabelSet(rows, modelIds);
  const ids = models.map((m) => m.id);
  const gold = await goldWithin(rows, datasetId, labelSet);
  const clean = await labelsOn(rows, datasetId, ids, labelSet, cleanFrom);
  const out: PerturbationRobustness[] = [];
  for (const perturbation of perturbations ?? (await storedPerturbations(rows, datasetId)).filter((p) => p !== cleanFrom)) {
    const perturbed = await labelsOn(rows, datasetId, ids, labelSet, perturbation);
    const complete = (labels: LabelsByImage, face: string) => ids.every((m) => labels.get(face)?.has(m));
    const faces = [...perturbed.keys()].filter((f) => complete(perturbed, f) && complete(clean, f)).sort((a, b) => Number(a) - Number(b));
    const g = faces.map((f) => gold.get(f) ?? null);
    const cleanCounts = countsOf(faces, clean, ids, labelSet);
    const perturbedCounts = countsOf(faces, perturbed, ids, labelSet);
    out.push({
      perturbation,
      nFaces: faces.length,
      kappaClean: fleissKappa(cleanCounts),
      kappa: fleissKappa(perturbedCounts),
      paired: pairedPatterns(labelSet, cleanCounts.rows, perturbedCounts.rows),
      models: ids.map((modelId) => {
        const c = faces.map((f) => clean.get(f)?.get(modelId) as number);
        const p = faces.map((f) => perturbed.get(f)?.get(modelId) as number);
        return { modelId, accuracy: pairedAccuracyChange(g, c, p), flips: flipRate(c, p) };
      }),
    });
  }
  return { datasetId, datasetSha256: await datasetContentSha256(rows, datasetId), models, labelSet, perturbations: out };
}
