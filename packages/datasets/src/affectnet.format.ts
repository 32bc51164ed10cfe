import { existsSync } from 'node:fs';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import { csvCells, headerColumns } from './csv-line.js';
import type { DatasetFormat, DatasetListing } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { readLines } from './read-lines.js';

/**
 * AffectNet's expression codes (Mollahosseini et al. 2017): 0–7 are the canonical emotions in this order; 8 None,
 * 9 Uncertain and 10 No-Face have none and are kept unmapped.
 */
export const AFFECTNET_LABELS: LabelMap = {
  labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  map: {
    '0': 'neutral',
    '1': 'happiness',
    '2': 'sadness',
    '3': 'surprise',
    '4': 'fear',
    '5': 'disgust',
    '6': 'anger',
    '7': 'contempt',
    '8': null,
    '9': null,
    '10': null,
  },
};

/** The published annotation files, the split each one is, and the folder its image paths are relative to. */
const SPLITS = [
  { file: 'training.csv', split: 'train' },
  { file: 'validation.csv', split: 'validation' },
] as const;
export const AFFECTNET_IMAGES = 'Manually_Annotated_Images';

const COLUMNS = {
  path: 'subDirectory_filePath',
  x: 'face_x',
  y: 'face_y',
  width: 'face_width',
  height: 'face_height',
  landmarks: 'facial_landmarks',
  expression: 'expression',
  valence: 'valence',
  arousal: 'arousal',
} as const;
// AffectNet writes -2 for the valence and arousal of faces it gave none (None, Uncertain, No-Face).
const NO_AFFECT = -2;

function number(cells: readonly string[], column: number, name: string): number | string {
  const text = (cells[column] ?? '').trim();
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : `${name} is "${text}", expected a number`;
}

/**
 * The landmarks of "x1;y1;x2;y2;…" as the flat list AffectNet publishes (68 points: 136 numbers), an empty list for an
 * empty cell, or why they cannot be read. Flat, not pairs: 290,000 faces × 68 small arrays would not fit in memory.
 */
function parseLandmarks(text: string): number[] | string {
  if (text.trim() === '') return [];
  const values = text.split(';').map((v) => Number(v));
  if (values.length % 2 !== 0 || values.some((v) => !Number.isFinite(v)))
    return `facial_landmarks: expected "x1;y1;x2;y2;…" (pairs of numbers), got ${values.length} values`;
  return values;
}

async function listFile(root: string, file: string, split: string, listing: DatasetListing): Promise<void> {
  let columns: Record<keyof typeof COLUMNS, number> | undefined;
  let lineNo = 0;
  for await (const line of readLines(path.join(root, file))) {
    lineNo++;
    if (columns === undefined) {
      const header = csvCells(line);
      const found = typeof header === 'string' ? undefined : headerColumns(header, COLUMNS);
      const missing = Object.entries(COLUMNS).filter(([key]) => found === undefined || found[key as keyof typeof COLUMNS] === -1).map(([, name]) => name);
      if (found === undefined || missing.length > 0)
        throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${path.join(root, file)}:1: the header lacks ${missing.join(', ')} (expected ${Object.values(COLUMNS).join(',')})`);
      columns = found;
      continue;
    }
    if (line.trim() === '') continue;
    const where = `${file}:${lineNo}`;
    const cells = csvCells(line);
    if (typeof cells === 'string') {
      listing.problems.push(`${where}: ${cells}, skipped`);
      continue;
    }
    const expression = (cells[columns.expression] ?? '').trim();
    if (AFFECTNET_LABELS.map[expression] === undefined) {
      listing.problems.push(`${where}: unknown expression "${expression}" (expected 0–10), skipped`);
      continue;
    }
    const box = (['x', 'y', 'width', 'height'] as const).map((k) => number(cells, columns![k], COLUMNS[k]));
    const affect = (['valence', 'arousal'] as const).map((k) => number(cells, columns![k], COLUMNS[k]));
    const landmarks = parseLandmarks(cells[columns.landmarks] ?? '');
    const bad = [...box, ...affect, landmarks].find((v): v is string => typeof v === 'string');
    if (bad !== undefined) {
      listing.problems.push(`${where}: ${bad}, skipped`);
      continue;
    }
    const [x, y, width, height] = box as number[];
    const [valence, arousal] = (affect as number[]).map((v) => (v === NO_AFFECT ? null : v));
    const image = (cells[columns.path] ?? '').trim().replaceAll('\\', '/');
    const key = `${AFFECTNET_IMAGES}/${image}`;
    listing.entries.push({
      key,
      file: path.join(root, key),
      split,
      labelRaw: expression,
      annotations: { faceBox: { x, y, width, height }, landmarks: landmarks as number[], valence, arousal },
    });
  }
}

/**
 * AffectNet's manually annotated set as published: training.csv and validation.csv (subDirectory_filePath, face box,
 * 68 landmarks, expression 0–10, valence, arousal) beside Manually_Annotated_Images/. The face box, landmarks (flat x, y list),
 * valence and arousal (null where AffectNet writes -2) are kept as the image's annotations.
 */
export const affectnetFormat: DatasetFormat = {
  name: 'affectnet',
  description: `AffectNet: training.csv / validation.csv (image path, face box, landmarks, expression 0–10, valence, arousal) + ${AFFECTNET_IMAGES}/`,
  labelMap: AFFECTNET_LABELS,
  defaultId: () => 'affectnet',
  async list(root, split) {
    const present = SPLITS.filter((s) => existsSync(path.join(root, s.file)) && (split === undefined || s.split === split));
    if (present.length === 0)
      throw new DatasetImportError(
        DatasetImportErrorCode.DatasetLayout,
        `not an AffectNet folder: no ${SPLITS.filter((s) => split === undefined || s.split === split).map((s) => path.join(root, s.file)).join(' or ')} (splits: ${SPLITS.map((s) => s.split).join(', ')})`,
      );
    const listing: DatasetListing = { entries: [], problems: [] };
    for (const s of present) await listFile(root, s.file, s.split, listing);
    return listing;
  },
};
