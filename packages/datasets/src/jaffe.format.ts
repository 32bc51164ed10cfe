import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Emotion, LabelMap } from '@ferbench/shared';
import type { DatasetEntry, DatasetFormat } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { WHOLE_SPLIT } from './image-folder.format.js';
import { JAFFE_RATED, JAFFE_RATING_SCALE, JAFFE_RATINGS_FILE, readJaffeRatings } from './jaffe-ratings.js';

/** JAFFE's expression codes, as its file names spell them (SOURCE.txt), and their canonical emotions. No contempt. */
export const JAFFE_LABELS: { labels: string[]; map: Record<string, Emotion> } = {
  labels: ['AN', 'DI', 'FE', 'HA', 'NE', 'SA', 'SU'],
  map: { AN: 'anger', DI: 'disgust', FE: 'fear', HA: 'happiness', NE: 'neutral', SA: 'sadness', SU: 'surprise' },
};

/** `<subject>.<EXPR><n>.<number>.tiff`: subject initials, expression code, the subject's take of it, the photo's number. */
export const JAFFE_FILE_NAME = /^([A-Z]{2})\.([A-Z]{2})(\d+)\.(\d+)\.tiff?$/;
const PATTERN_TEXT = '<subject>.<EXPR><n>.<number>.tiff (e.g. KA.AN1.39.tiff)';

/** What a JAFFE file name says: the subject, the expression code, and the photo id the ratings file uses (`KA-AN1`). */
export function parseJaffeFileName(name: string): { subject: string; expression: string; photo: string } | string {
  const m = JAFFE_FILE_NAME.exec(name);
  if (m === null) return `file name does not follow ${PATTERN_TEXT}`;
  const [, subject, expression, take] = m as unknown as [string, string, string, string];
  if (JAFFE_LABELS.map[expression] === undefined) return `unknown expression "${expression}" in the file name (known: ${JAFFE_LABELS.labels.join(', ')})`;
  return { subject, expression, photo: `${subject}-${expression}${take}` };
}

/**
 * JAFFE: images/<subject>.<EXPR><n>.<number>.tiff — uncropped 256×256 grey photos of whole heads (run cards with crop
 * `detect` or `align`, docs/faces.md) whose label is the posed expression in the file name — and the authors'
 * semantic ratings, JAFFE_semantic_ratings.txt, joined by photo id. Each image's annotations: `subject`, `photo`
 * (the id). Its ratings go to human_ratings. No splits: every image gets `split` or WHOLE_SPLIT.
 */
export const jaffeFormat: DatasetFormat = {
  name: 'jaffe',
  description: `JAFFE: images/${PATTERN_TEXT}, label = EXPR; ${JAFFE_RATINGS_FILE} (mean 1..5 ratings of 60 raters) joined by photo id`,
  labelMap: JAFFE_LABELS as LabelMap,
  defaultId: () => 'jaffe',
  async list(root, split) {
    const images = path.join(root, 'images');
    if (!existsSync(images)) throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `not a JAFFE folder: ${images} does not exist`);
    const problems: string[] = [];
    const notes: string[] = [];
    const ratings = await readJaffeRatings(path.join(root, JAFFE_RATINGS_FILE), problems);
    const entries: DatasetEntry[] = [];
    const photos = new Map<string, string>();
    for (const name of (await readdir(images, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort()) {
      const parsed = parseJaffeFileName(name);
      if (typeof parsed === 'string') {
        problems.push(`images/${name}: ${parsed}, skipped`);
        continue;
      }
      const earlier = photos.get(parsed.photo);
      if (earlier !== undefined) {
        problems.push(`images/${name}: photo id ${parsed.photo} is already ${earlier}'s and the ratings file cannot tell the two apart, skipped`);
        continue;
      }
      photos.set(parsed.photo, `images/${name}`);
      const rated = ratings.get(parsed.photo);
      if (rated === undefined && ratings.size > 0) notes.push(`images/${name}: photo ${parsed.photo} has no row in ${JAFFE_RATINGS_FILE}`);
      if (split !== undefined && split !== WHOLE_SPLIT) continue;
      entries.push({
        key: `images/${name}`,
        file: path.join(images, name),
        split: WHOLE_SPLIT,
        labelRaw: parsed.expression,
        annotations: { subject: parsed.subject, photo: parsed.photo },
        ...(rated !== undefined && {
          humanRatings: {
            scaleMin: JAFFE_RATING_SCALE.min,
            scaleMax: JAFFE_RATING_SCALE.max,
            raters: JAFFE_RATING_SCALE.raters,
            means: JAFFE_RATED.map((r, k) => ({ emotion: r.emotion, mean: rated.means[k]! })),
          },
        }),
      });
    }
    for (const row of ratings.values())
      if (!photos.has(row.photo)) notes.push(`${JAFFE_RATINGS_FILE}:${row.line}: ${row.photo} is rated but no image has that photo id (not imported)`);
    return { entries, problems, notes };
  },
};
