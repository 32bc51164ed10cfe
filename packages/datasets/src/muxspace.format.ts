import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Emotion, LabelMap } from '@ferbench/shared';
import { csvCells, headerColumns } from './csv-line.js';
import type { DatasetEntry, DatasetFormat } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { WHOLE_SPLIT } from './image-folder.format.js';
import { readLines } from './read-lines.js';

/**
 * muxspace/facial_expressions' labels (its README), which legend.csv spells in mixed case (ANGER, anger, Anger):
 * a label is matched in lower case, and the spelling found is kept as the raw label.
 */
export const MUXSPACE_LABELS: { labels: string[]; map: Record<string, Emotion> } = {
  labels: ['neutral', 'happiness', 'surprise', 'sadness', 'anger', 'disgust', 'fear', 'contempt'],
  map: { neutral: 'neutral', happiness: 'happiness', surprise: 'surprise', sadness: 'sadness', anger: 'anger', disgust: 'disgust', fear: 'fear', contempt: 'contempt' },
};

const LEGEND = path.join('data', 'legend.csv');

/**
 * muxspace/facial_expressions: data/legend.csv rows `user.id,image,emotion` (one student annotator per image) and
 * the photos in images/ — whole heads, not cropped or aligned, so models need a card that detects (docs/faces.md).
 * It has no splits: every image gets `split` or WHOLE_SPLIT. An image listed twice keeps its first row.
 */
export const muxspaceFormat: DatasetFormat = {
  name: 'muxspace',
  description: 'muxspace/facial_expressions: data/legend.csv (user.id,image,emotion; labels in any case) + images/<image>',
  labelMap: MUXSPACE_LABELS,
  defaultId: () => 'muxspace',
  async list(root, split) {
    const legend = path.join(root, LEGEND);
    if (!existsSync(legend)) throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `not a muxspace folder: ${legend} does not exist`);
    const entries: DatasetEntry[] = [];
    const problems: string[] = [];
    const seen = new Map<string, number>();
    const spellings = new Map<string, Emotion>();
    let columns = { image: -1, emotion: -1 };
    let lineNo = 0;
    for await (const line of readLines(legend)) {
      lineNo++;
      if (line.trim() === '') continue;
      const where = `${LEGEND}:${lineNo}`;
      const cells = csvCells(line);
      if (typeof cells === 'string') {
        problems.push(`${where}: ${cells}, skipped`);
        continue;
      }
      if (lineNo === 1) {
        columns = headerColumns(cells, { image: 'image', emotion: 'emotion' });
        if (columns.image === -1 || columns.emotion === -1)
          throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${legend}:1: expected a header naming the columns image and emotion (user.id,image,emotion), got "${line}"`);
        continue;
      }
      const image = (cells[columns.image] ?? '').trim();
      const label = (cells[columns.emotion] ?? '').trim();
      const emotion = MUXSPACE_LABELS.map[label.toLowerCase()];
      if (image === '' || label === '') problems.push(`${where}: expected user.id,image,emotion, got "${line}", skipped`);
      else if (emotion === undefined) problems.push(`${where}: unknown label "${label}" (known, in any case: ${MUXSPACE_LABELS.labels.join(', ')}), skipped`);
      else if (seen.has(image)) problems.push(`${where}: ${image} is listed again (first on line ${seen.get(image)}), skipped`);
      else {
        seen.set(image, lineNo);
        spellings.set(label, emotion);
        if (split === undefined || split === WHOLE_SPLIT) entries.push({ key: `images/${image}`, file: path.join(root, 'images', image), split: WHOLE_SPLIT, labelRaw: label });
      }
    }
    // The labels as spelled in this legend, each with its emotion: the raw label stays as published.
    const labelMap: LabelMap = { labels: [...spellings.keys()], map: Object.fromEntries(spellings) };
    return { entries, problems, labelMap };
  },
};
