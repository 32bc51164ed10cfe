import { existsSync } from 'node:fs';
import type { Emotion } from '@ferbench/shared';
import { readLines } from './read-lines.js';

/** The file of JAFFE's semantic ratings, at the dataset's root. */
export const JAFFE_RATINGS_FILE = 'JAFFE_semantic_ratings.txt';

/**
 * What the ratings measure (SOURCE.txt): for each photo, the mean of 60 Japanese raters' ratings on a 1..5 scale of
 * how much it shows each of six emotions, in the file's column order. Neutral was not rated.
 */
export const JAFFE_RATING_SCALE = { min: 1, max: 5, raters: 60 } as const;
export const JAFFE_RATED: readonly { column: string; emotion: Emotion }[] = [
  { column: 'HAP', emotion: 'happiness' },
  { column: 'SAD', emotion: 'sadness' },
  { column: 'SUR', emotion: 'surprise' },
  { column: 'ANG', emotion: 'anger' },
  { column: 'DIS', emotion: 'disgust' },
  { column: 'FEA', emotion: 'fear' },
];

/** One photo's published means, in JAFFE_RATED order. */
export interface JaffeRatingRow {
  photo: string;
  line: number;
  means: number[];
}

const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Reads JAFFE_semantic_ratings.txt (`index HAP SAD SUR ANG DIS FEA photo-id` per line, whitespace-separated; a header
 * line naming the columns is allowed) into rows keyed by photo id. Malformed lines, means off the 1..5 scale and a
 * photo rated twice are problems, named by line; the rest is kept.
 */
export async function readJaffeRatings(file: string, problems: string[]): Promise<Map<string, JaffeRatingRow>> {
  const rows = new Map<string, JaffeRatingRow>();
  if (!existsSync(file)) {
    problems.push(`${JAFFE_RATINGS_FILE}: not found, so no photo gets its semantic ratings`);
    return rows;
  }
  let line = 0;
  for await (const text of readLines(file)) {
    line++;
    const cells = text.trim().split(/\s+/);
    if (text.trim() === '' || (line === 1 && cells.includes('HAP'))) continue;
    const where = `${JAFFE_RATINGS_FILE}:${line}`;
    const [index, ...rest] = cells;
    const photo = rest.pop();
    if (cells.length !== JAFFE_RATED.length + 2 || !/^\d+$/.test(index ?? '') || !rest.every((c) => NUMBER.test(c))) {
      problems.push(`${where}: expected "index ${JAFFE_RATED.map((r) => r.column).join(' ')} photo-id" (${JAFFE_RATED.length} means), got "${text}", skipped`);
      continue;
    }
    const means = rest.map(Number);
    const off = means.findIndex((m) => m < JAFFE_RATING_SCALE.min || m > JAFFE_RATING_SCALE.max);
    if (off !== -1) problems.push(`${where}: ${JAFFE_RATED[off]!.column} mean ${means[off]} is off the ${JAFFE_RATING_SCALE.min}..${JAFFE_RATING_SCALE.max} scale, skipped`);
    else if (rows.has(photo!)) problems.push(`${where}: ${photo} is rated again (first on line ${rows.get(photo!)!.line}), skipped`);
    else rows.set(photo!, { photo: photo!, line, means });
  }
  return rows;
}
