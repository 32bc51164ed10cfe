import type { ModelCard } from '@ferbench/shared';

/** One class of the model's output, in output order, with the canonical emotion it means ('' for none). */
export interface LabelRow {
  name: string;
  emotion: string;
}

/**
 * The submit form's state: every card field as the text the person typed, so a half-typed number is kept as it is
 * and validateModelCard (not the form) decides what is wrong with it.
 */
export interface CardFields {
  id: string;
  name: string;
  version: string;
  sourceUrl: string;
  licence: string;
  trainingData: string;
  architecture: string;
  notes: string;
  inputName: string;
  layout: string;
  width: string;
  height: string;
  channels: string;
  colorSpace: string;
  crop: string;
  margin: string;
  resize: string;
  scale: string;
  /** Per channel, separated by commas. */
  mean: string;
  std: string;
  /** A positive integer, or "dynamic". */
  batch: string;
  outputName: string;
  outputKind: string;
  labels: LabelRow[];
}

export const EMPTY_CARD_FIELDS: CardFields = {
  id: '',
  name: '',
  version: '',
  sourceUrl: '',
  licence: '',
  trainingData: '',
  architecture: '',
  notes: '',
  inputName: '',
  layout: 'NCHW',
  width: '',
  height: '',
  channels: '3',
  colorSpace: 'rgb',
  crop: 'none',
  margin: '',
  resize: 'linear',
  scale: String(1 / 255),
  mean: '0, 0, 0',
  std: '1, 1, 1',
  batch: 'dynamic',
  outputName: '',
  outputKind: 'logits',
  labels: [],
};

/** A number as typed, or the text itself when it is not one (so the card check names the field and the text). */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function numberList(text: string): (number | string)[] {
  return text.trim() === '' ? [] : text.split(',').map(numberOrText);
}

/** The card the form describes, for validateModelCard and submitModel; `file` is set by the server. */
export function cardFromFields(fields: CardFields, sha256: string): Record<string, unknown> {
  const batch = fields.batch.trim();
  return {
    id: fields.id.trim(),
    name: fields.name.trim(),
    version: fields.version.trim(),
    file: 'set by the server',
    sha256,
    source: { url: fields.sourceUrl.trim(), licence: fields.licence.trim() },
    trainingData: fields.trainingData.trim(),
    architecture: fields.architecture.trim(),
    input: {
      name: fields.inputName.trim(),
      layout: fields.layout,
      width: numberOrText(fields.width),
      height: numberOrText(fields.height),
      channels: numberOrText(fields.channels),
      colorSpace: fields.colorSpace,
      crop: fields.crop,
      ...(fields.margin.trim() === '' ? {} : { margin: numberOrText(fields.margin) }),
      resize: fields.resize,
      scale: numberOrText(fields.scale),
      mean: numberList(fields.mean),
      std: numberList(fields.std),
      batch: batch === 'dynamic' ? batch : numberOrText(batch),
    },
    output: {
      name: fields.outputName.trim(),
      kind: fields.outputKind,
      labels: fields.labels.map((l) => l.name.trim()),
      labelMap: Object.fromEntries(fields.labels.map((l) => [l.name.trim(), l.emotion === '' ? null : l.emotion])),
    },
    ...(fields.notes.trim() === '' ? {} : { notes: fields.notes.trim() }),
  } satisfies Partial<Record<keyof ModelCard, unknown>>;
}

/**
 * The card-check problems ("input.width: expected a positive integer (got …)") by the card field they name, the
 * key the form puts next to that field; a problem naming no field is kept under "card".
 */
export function problemsByField(problems: readonly string[]): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const match = /^([a-zA-Z]+(?:\.[a-zA-Z0-9]+)*):\s/.exec(problem);
    const field = match?.[1] ?? 'card';
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}
