import { existsSync } from 'node:fs';
import path from 'node:path';
import { HUMAN_VOTE_CATEGORIES, type HumanVoteCategory, isEmotion, type LabelMap } from '@ferbench/shared';
import { csvCells } from './csv-line.js';
import type { DatasetEntry, DatasetFormat, DatasetListing } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { FERPLUS_NO_MAJORITY, FERPLUS_VOTE_COLUMNS, ferplusMajority } from './ferplus-majority.js';
import { readLines } from './read-lines.js';

/** Each vote column's human vote category (HUMAN_VOTE_CATEGORIES): the emotions by name, NF is "not-a-face". */
const VOTE_CATEGORY: Record<(typeof FERPLUS_VOTE_COLUMNS)[number], HumanVoteCategory> = {
  neutral: 'neutral',
  happiness: 'happiness',
  surprise: 'surprise',
  sadness: 'sadness',
  anger: 'anger',
  disgust: 'disgust',
  fear: 'fear',
  contempt: 'contempt',
  unknown: 'unknown',
  NF: 'not-a-face',
};

/**
 * FER+'s published labels: the majority emotion (its vote column's name), or, for a face without one, the winning
 * "unknown"/"NF" column or "no-majority" — kept, with no canonical emotion. Read off VOTE_CATEGORY, the one table.
 */
export const FERPLUS_LABELS: LabelMap = {
  labels: [...FERPLUS_VOTE_COLUMNS, FERPLUS_NO_MAJORITY],
  map: {
    ...Object.fromEntries(FERPLUS_VOTE_COLUMNS.map((c) => [c, isEmotion(VOTE_CATEGORY[c]) ? VOTE_CATEGORY[c] : null])),
    [FERPLUS_NO_MAJORITY]: null,
  },
};

const CATEGORY_OF_COLUMN = FERPLUS_VOTE_COLUMNS.map((c) => HUMAN_VOTE_CATEGORIES.indexOf(VOTE_CATEGORY[c]));

/** The split folders generate_training_data.py writes, the split name we store, and fer2013new.csv's Usage. */
const SPLITS = [
  { folder: 'FER2013Train', split: 'train', usage: 'Training' },
  { folder: 'FER2013Valid', split: 'valid', usage: 'PublicTest' },
  { folder: 'FER2013Test', split: 'test', usage: 'PrivateTest' },
] as const;
type Split = (typeof SPLITS)[number];

const VOTES_FILE = 'fer2013new.csv';

/** The 10 vote counts of a row, or why they cannot be read. */
function parseVotes(cells: readonly string[]): number[] | string {
  if (cells.length !== FERPLUS_VOTE_COLUMNS.length)
    return `expected ${FERPLUS_VOTE_COLUMNS.length} vote counts (${FERPLUS_VOTE_COLUMNS.join(', ')}), got ${cells.length}`;
  const votes = cells.map((c) => (/^\d+$/.test(c.trim()) ? Number(c) : Number.NaN));
  const bad = votes.findIndex((v) => Number.isNaN(v));
  return bad === -1 ? votes : `${FERPLUS_VOTE_COLUMNS[bad]} = "${cells[bad]}" is not a vote count (a non-negative integer)`;
}

const LINK_FILE = 'ferplus_to_fer2013.csv';

/** The FER2013 Kaggle file showing the same face (ferplus_to_fer2013.csv, pixel matching), its label and match quality. */
interface Fer2013Link {
  file: string;
  label: string;
  /** RMSE of the pixel match, in grey levels. */
  rmse: number;
  /** Several FER2013 files match this face. */
  nearDuplicate: boolean;
}
type Fer2013Links = ReadonlyMap<string, Fer2013Link>;

/**
 * FER+ faces are PNG copies of FER2013's JPEGs, so no sha256 is shared; the link is the mapping file, kept in
 * each face's annotations (fer2013.file is the basename of the FER2013 image's key, fer2013.label its folder).
 * Rows that cannot be read are reported and left out; no mapping file, no links.
 */
async function readLinks(root: string, listing: DatasetListing): Promise<Fer2013Links> {
  const links = new Map<string, Fer2013Link>();
  if (!existsSync(path.join(root, LINK_FILE))) return links;
  let i = 0;
  for await (const line of readLines(path.join(root, LINK_FILE))) {
    if (i++ === 0 || line.trim() === '') continue;
    const [folder, image, file, label, rmse, nearDuplicate] = line.trim().split(',');
    if (!folder || !image || !file || !label || Number.isNaN(Number(rmse)) || !['0', '1'].includes(nearDuplicate ?? '')) {
      listing.problems.push(`${LINK_FILE}:${i}: expected ferplus_split,ferplus_image,fer2013_kaggle_image,fer2013_original_label,rmse_best,near_duplicate, got "${line.trim()}", skipped`);
      continue;
    }
    links.set(`${folder}/${image}`, { file, label, rmse: Number(rmse), nearDuplicate: nearDuplicate === '1' });
  }
  return links;
}

function entry(root: string, split: Split, image: string, votes: number[], links: Fer2013Links, box?: number[]): DatasetEntry {
  const key = `${split.folder}/${image}`;
  const humanVotes = HUMAN_VOTE_CATEGORIES.map(() => 0);
  votes.forEach((v, column) => (humanVotes[CATEGORY_OF_COLUMN[column]!]! += v));
  const fer2013 = links.get(key);
  const annotations = {
    ...(box && { box: { x: box[0], y: box[1], width: box[2], height: box[3] } }),
    ...(fer2013 && { fer2013 }),
  };
  return {
    key,
    file: path.join(root, key),
    split: split.split,
    labelRaw: ferplusMajority(votes),
    humanVotes,
    ...(Object.keys(annotations).length > 0 && { annotations }),
  };
}

/** `<image>,"(x, y, w, h)",<10 votes>` rows of a split's label.csv (no header). */
async function fromLabelCsv(root: string, split: Split, listing: DatasetListing, links: Fer2013Links): Promise<void> {
  const file = `${split.folder}/label.csv`;
  let i = 0;
  for await (const line of readLines(path.join(root, file))) {
    i++;
    if (line.trim() === '') continue;
    const cells = csvCells(line.trim());
    const box = typeof cells === 'string' ? null : /^\((\d+), *(\d+), *(\d+), *(\d+)\)$/.exec(cells[1] ?? '');
    if (typeof cells === 'string' || !cells[0] || box === null) {
      listing.problems.push(`${file}:${i}: expected <image>,"(x, y, w, h)",<10 votes>, got "${line.trim()}", skipped`);
      continue;
    }
    const votes = parseVotes(cells.slice(2));
    if (typeof votes === 'string') listing.problems.push(`${file}:${i}: ${votes}, skipped`);
    else listing.entries.push(entry(root, split, cells[0], votes, links, box.slice(1).map(Number)));
  }
}

/** The rows of fer2013new.csv (Usage,Image name,<10 votes>) for splits without a label.csv; rows with no image name are faces FER+ dropped. */
async function fromVotesFile(root: string, splits: readonly Split[], listing: DatasetListing, links: Fer2013Links): Promise<void> {
  let i = 0;
  for await (const line of readLines(path.join(root, VOTES_FILE))) {
    if (i++ === 0 || line.trim() === '') continue;
    const [usage, image, ...cells] = line.trim().split(',');
    const split = splits.find((s) => s.usage === usage);
    if (split === undefined || image === undefined || image === '') continue;
    const votes = parseVotes(cells);
    if (typeof votes === 'string') listing.problems.push(`${VOTES_FILE}:${i}: ${votes}, skipped`);
    else listing.entries.push(entry(root, split, image, votes, links));
  }
}

/**
 * FER+ (Barsoum et al. 2016) in the layout Microsoft's generate_training_data.py writes: FER2013{Train,Valid,Test}/
 * with the PNG faces and label.csv. Each face's 10 crowd votes become human votes; its gold label is the FER+
 * majority (ferplus-majority.ts). A split folder without label.csv takes its votes from fer2013new.csv. Annotations:
 * the face box label.csv gives, and the FER2013 file of the same face (ferplus_to_fer2013.csv, when present).
 */
export const ferplusFormat: DatasetFormat = {
  name: 'ferplus',
  description: 'FER+: FER2013{Train,Valid,Test}/<image>.png + label.csv (or fer2013new.csv), 10 crowd votes per face',
  labelMap: FERPLUS_LABELS,
  defaultId: () => 'ferplus',
  async list(root, split) {
    const present = SPLITS.filter((s) => existsSync(path.join(root, s.folder)) && (split === undefined || s.split === split));
    if (present.length === 0) {
      const wanted = SPLITS.filter((s) => split === undefined || s.split === split).map((s) => path.join(root, s.folder));
      throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `not a FER+ folder: none of ${wanted.join(', ')} exists (splits: ${SPLITS.map((s) => s.split).join(', ')})`);
    }
    const listing: DatasetListing = { entries: [], problems: [] };
    const withoutLabels = present.filter((s) => !existsSync(path.join(root, s.folder, 'label.csv')));
    if (withoutLabels.length > 0 && !existsSync(path.join(root, VOTES_FILE)))
      throw new DatasetImportError(
        DatasetImportErrorCode.DatasetLayout,
        `FER+: ${withoutLabels.map((s) => path.join(root, s.folder, 'label.csv')).join(', ')} missing and no ${path.join(root, VOTES_FILE)} to take the votes from`,
      );
    const links = await readLinks(root, listing);
    for (const s of present) if (!withoutLabels.includes(s)) await fromLabelCsv(root, s, listing, links);
    if (withoutLabels.length > 0) await fromVotesFile(root, withoutLabels, listing, links);
    return listing;
  },
};
