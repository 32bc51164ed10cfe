import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import { csvCells, headerColumns } from './csv-line.js';
import type { DatasetFormat, DatasetListing } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { greyPng } from './grey-png.js';
import { FER2013_FOLDER_LABELS, WHOLE_SPLIT, listImageFolders } from './image-folder.format.js';
import { readLines } from './read-lines.js';

/** fer2013.csv's emotion column: 0 Angry, 1 Disgust, 2 Fear, 3 Happy, 4 Sad, 5 Surprise, 6 Neutral (the challenge's README). */
export const FER2013_CSV_LABELS: LabelMap = {
  labels: ['0', '1', '2', '3', '4', '5', '6'],
  map: { '0': 'anger', '1': 'disgust', '2': 'fear', '3': 'happiness', '4': 'sadness', '5': 'surprise', '6': 'neutral' },
};

export const FER2013_CSV = 'fer2013.csv';
const SIDE = 48;

/** The key of a CSV row: FER+'s name for the same face (fer2013new.csv names row i of fer2013.csv fer%07d.png). */
export const fer2013RowKey = (row: number): string => `fer${String(row).padStart(7, '0')}.png`;

/** `root` itself when it is a file, else its fer2013.csv; undefined for a folder without one (the Kaggle layout). */
function csvFile(root: string): string | undefined {
  if (statSync(root).isFile()) return root;
  const file = path.join(root, FER2013_CSV);
  return existsSync(file) ? file : undefined;
}

/** A row's 48×48 grey pixels from its space-separated 0–255 values, or why they cannot be read. */
export function parsePixels(text: string): Uint8Array | string {
  // One pass over the characters: a table of 35,887 rows × 2,304 values is too big for split() and a regex per value.
  const pixels = new Uint8Array(SIDE * SIDE);
  let count = 0;
  let value = -1;
  let digits = 0;
  const end = () => {
    if (value === -1) return undefined;
    if (value > 255 || digits > 3) return `pixels: value ${count + 1} is "${text.trim().split(/\s+/)[count]}", expected an integer 0–255`;
    if (count < pixels.length) pixels[count] = value;
    count++;
    value = -1;
    digits = 0;
    return undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      value = value === -1 ? c - 48 : value * 10 + c - 48;
      digits++;
    } else if (c === 32 || c === 9) {
      const bad = end();
      if (bad !== undefined) return bad;
    } else return `pixels: value ${count + 1} is "${text.trim().split(/\s+/)[count]}", expected an integer 0–255`;
  }
  const bad = end();
  if (bad !== undefined) return bad;
  return count === pixels.length ? pixels : `pixels: expected ${SIDE * SIDE} values (${SIDE}×${SIDE}), got ${count}`;
}

/**
 * fer2013.csv (emotion,pixels,Usage; the columns found by their header names). Each row becomes a 48×48 grey PNG
 * (grey-png.ts) that the import stores under the data folder; its split is the Usage as published (Training,
 * PublicTest, PrivateTest), or `split`/WHOLE_SPLIT for a file without that column.
 */
async function listCsv(file: string, split: string | undefined): Promise<DatasetListing> {
  const listing: DatasetListing = { entries: [], problems: [], labelMap: FER2013_CSV_LABELS };
  const name = path.basename(file);
  let columns: { emotion: number; pixels: number; usage: number } | undefined;
  let lineNo = 0;
  let row = -1;
  for await (const line of readLines(file)) {
    lineNo++;
    if (columns === undefined) {
      const header = csvCells(line);
      columns = typeof header === 'string' ? { emotion: -1, pixels: -1, usage: -1 } : headerColumns(header, { emotion: 'emotion', pixels: 'pixels', usage: 'Usage' });
      if (columns.emotion === -1 || columns.pixels === -1)
        throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${file}:1: expected a header with the columns emotion, pixels (and Usage), got "${line.slice(0, 80)}"`);
      continue;
    }
    if (line.trim() === '') continue;
    row++;
    const where = `${name}:${lineNo}`;
    const cells = csvCells(line);
    if (typeof cells === 'string') {
      listing.problems.push(`${where}: ${cells}, skipped`);
      continue;
    }
    const usage = columns.usage === -1 ? (split ?? WHOLE_SPLIT) : (cells[columns.usage] ?? '').trim();
    if (split !== undefined && usage !== split) continue;
    const label = (cells[columns.emotion] ?? '').trim();
    if (FER2013_CSV_LABELS.map[label] === undefined) {
      listing.problems.push(`${where}: unknown emotion "${label}" (expected ${FER2013_CSV_LABELS.labels.join(', ')}), skipped`);
      continue;
    }
    const pixels = parsePixels(cells[columns.pixels] ?? '');
    if (typeof pixels === 'string') {
      listing.problems.push(`${where}: ${pixels}, skipped`);
      continue;
    }
    listing.entries.push({ key: fer2013RowKey(row), file: where, split: usage, labelRaw: label, content: greyPng(SIDE, SIDE, pixels) });
  }
  if (columns === undefined) throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${file} is empty: expected a header emotion,pixels,Usage`);
  return listing;
}

/**
 * FER2013 (Goodfellow et al. 2013) in either published form: the original fer2013.csv (a file, or a folder holding
 * one), or the Kaggle image folders `<split>/<emotion>/*.jpg`.
 */
export const fer2013Format: DatasetFormat = {
  name: 'fer2013',
  description: 'FER2013: fer2013.csv (emotion,pixels,Usage; faces stored as PNG under FERBENCH_DATA_DIR/images) or the Kaggle folders <split>/<emotion>/*.jpg',
  labelMap: FER2013_FOLDER_LABELS,
  defaultId: () => 'fer2013',
  async list(root, split) {
    const file = csvFile(root);
    if (file !== undefined) return listCsv(file, split);
    const listing = await listImageFolders(root, split, FER2013_FOLDER_LABELS);
    return { ...listing, labelMap: FER2013_FOLDER_LABELS };
  },
};
