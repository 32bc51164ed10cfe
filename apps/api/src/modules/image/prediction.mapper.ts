import { EMOTIONS, emotionAt } from '@ferbench/shared';
import { toModelView } from '../model/model.mapper.js';
import type { PredictionType } from './dto/prediction.type.js';
import type { PredictionEntity } from './prediction.entity.js';

// real[] can hold NaN and ±Infinity, which GraphQL's Float cannot carry.
const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function toPredictionType(entity: PredictionEntity): PredictionType {
  if (entity.model === undefined) throw new Error('prediction loaded without its model');
  const probability = finiteOrNull(entity.probs[entity.label]);
  if (probability === null)
    throw new Error(`prediction of ${entity.modelId} for image ${entity.imageId} has no finite probability for its own label`);
  return {
    model: toModelView(entity.model),
    label: emotionAt(entity.label),
    probability,
    probabilities: EMOTIONS.map((label, i) => ({ label, probability: finiteOrNull(entity.probs[i]) })),
  };
}
