import { zooModelIds } from '@ferbench/models';
import { type Emotion, emittableEmotions, isEnsembleCard } from '@ferbench/shared';
import type { ModelType } from './dto/model.type.js';
import type { ModelEntity } from './model.entity.js';

/** ModelType with its emotions typed, for the services that compute label sets from them. */
export type ModelView = ModelType & { emotions: Emotion[] };

export function toModelView(entity: ModelEntity): ModelView {
  const { card } = entity;
  return {
    id: entity.id,
    name: entity.name,
    version: entity.version,
    sha256: entity.sha256,
    architecture: card.architecture,
    trainingData: card.trainingData,
    licence: card.source.licence,
    sourceUrl: card.source.url,
    labels: card.output.labels,
    emotions: emittableEmotions({ labels: card.output.labels, map: card.output.labelMap }),
    zoo: zooModelIds().has(entity.id),
    ensemble: isEnsembleCard(card) ? { rule: card.ensemble.rule, members: [...card.ensemble.members], builtin: card.ensemble.builtin === true } : null,
  };
}
