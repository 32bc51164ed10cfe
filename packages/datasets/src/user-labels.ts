import { readFile } from 'node:fs/promises';
import { type Emotion, EMOTIONS, type LabelMap, labelMapProblems } from '@ferbench/shared';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';

/**
 * The label names `imagefolder` and `csv` understand without `--labels`, compared in lower case: the canonical
 * emotions, their adjectives (FER2013's Kaggle folders: angry, happy, sad…) and a few common spellings.
 */
export const DEFAULT_LABEL_NAMES: Readonly<Record<string, Emotion>> = {
  ...Object.fromEntries(EMOTIONS.map((e) => [e, e])),
  angry: 'anger',
  happy: 'happiness',
  sad: 'sadness',
  surprised: 'surprise',
  fearful: 'fear',
  afraid: 'fear',
  disgusted: 'disgust',
  contemptuous: 'contempt',
};

export interface ResolvedLabels {
  /** The found labels that have an entry, in the order found, with their emotions. */
  labelMap: LabelMap;
  /** Found labels that have none: their images are not imported. */
  unknown: string[];
}

/**
 * The label map of the labels a dataset actually uses: from `given` (`--labels`) when there is one, else by name
 * from DEFAULT_LABEL_NAMES. Never by position.
 */
export function resolveLabels(found: readonly string[], given: LabelMap | undefined): ResolvedLabels {
  const map: Record<string, Emotion | null> = {};
  const unknown: string[] = [];
  for (const label of new Set(found)) {
    const emotion = given === undefined ? DEFAULT_LABEL_NAMES[label.toLowerCase()] : given.map[label];
    if (emotion === undefined) unknown.push(label);
    else map[label] = emotion;
  }
  return { labelMap: { labels: Object.keys(map), map }, unknown };
}

/** Names what a label that has no entry could have been, for the problem line. */
export function knownLabelsHint(given: LabelMap | undefined): string {
  return given === undefined ? `known names: ${Object.keys(DEFAULT_LABEL_NAMES).join(', ')}; or pass --labels map.json` : `known: ${given.labels.join(', ')}`;
}

/**
 * Reads a `--labels` file: either a LabelMap ({"labels": [...], "map": {"label": "emotion" | null}}) or a plain
 * object {"label": "emotion" | null} (its keys in order are the labels). Throws naming the file and every problem.
 */
export async function readLabelsFile(file: string): Promise<LabelMap> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `--labels ${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `--labels ${file}: expected an object {"label": "emotion" | null} or {"labels": [...], "map": {...}}`);
  const record = json as Record<string, unknown>;
  const labelMap = (Array.isArray(record.labels) && typeof record.map === 'object' && record.map !== null
    ? { labels: record.labels.map(String), map: record.map }
    : { labels: Object.keys(record), map: record }) as LabelMap;
  const problems = labelMapProblems(labelMap, `--labels ${file}`);
  if (problems.length > 0) throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, problems.join('\n'), problems);
  return labelMap;
}
