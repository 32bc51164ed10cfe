import { EMOTIONS, type Emotion } from '@ferbench/shared';
import { commonEmotions } from '../model/common-emotions.js';
import type { ModelView } from '../model/model.mapper.js';
import { AgreementError, AgreementErrorCode } from './agreement.error.js';

/**
 * The labels agreement is computed over: those asked for (in canonical order), or by default every label all the
 * models can emit. Asking for a label some model cannot emit is an error: that model could never agree on it.
 * Names are already checked against the canonical emotions by the arguments' validation.
 */
export function chooseLabelSet(models: readonly ModelView[], requested: readonly string[] | undefined): Emotion[] {
  const common = commonEmotions(models.map((m) => m.emotions));
  if (requested === undefined) return common;
  const outside = requested.filter((label) => !(common as readonly string[]).includes(label));
  if (outside.length > 0) {
    const unable = models.filter((m) => outside.some((label) => !(m.emotions as readonly string[]).includes(label)));
    throw new AgreementError(AgreementErrorCode.LabelNotEmittable, { labels: outside, models: unable.map((m) => m.id) });
  }
  return EMOTIONS.filter((emotion) => requested.includes(emotion));
}
