import { writeFileSync } from 'node:fs';
import { EMOTIONS } from '@ferbench/shared';
import { type StoredPrediction, indicesOf, labelWithin } from './stored-predictions.js';

export interface RatingsFile {
  categories: string[];
  raters: string[];
  ratings: (string | null)[][];
  /** The image id of each item, in order. */
  imageIds: string[];
}

/**
 * Stored predictions as the ratings file `ferbench agreement --ratings` reads: one item per face at least one of
 * `models` predicted (by image id), one column per model, each label restricted to `labelSet` by the documented
 * rule and given by its canonical name, null where the model has no prediction for the face.
 */
export function ratingsFromPredictions(predictions: readonly StoredPrediction[], models: readonly string[], labelSet: readonly string[]): RatingsFile {
  const allowed = indicesOf(labelSet);
  const byFace = new Map<string, (string | null)[]>();
  for (const p of predictions) {
    const column = models.indexOf(p.modelId);
    if (column < 0) continue;
    let item = byFace.get(p.imageId);
    if (item === undefined) byFace.set(p.imageId, (item = models.map(() => null)));
    item[column] = EMOTIONS[labelWithin(p, allowed)]!;
  }
  const imageIds = [...byFace.keys()].sort((a, b) => Number(a) - Number(b));
  return { categories: [...labelSet], raters: [...models], ratings: imageIds.map((id) => byFace.get(id)!), imageIds };
}

export function writeRatingsFile(file: string, ratings: RatingsFile): void {
  writeFileSync(file, JSON.stringify({ categories: ratings.categories, raters: ratings.raters, ratings: ratings.ratings }));
}
