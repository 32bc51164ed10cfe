import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HUMAN_VOTE_CATEGORIES, type HumanVoteCategory, type LabelMap } from '@ferbench/shared';
import { RunnerError, RunnerErrorCode } from '../runner-error.js';
import type { DatasetEntry, DatasetFormat, DatasetListing } from './dataset-format.js';
import { FERPLUS_NO_MAJORITY, FERPLUS_VOTE_COLUMNS, ferplusMajority } from './ferplus-majority.js';

/**
 * FER+'s published labels: the majority emotion (its vote column's name), or, for a face without one, the winning
 * "unknown"/"NF" column or "no-majority" — kept, with no canonical emotion.
 */
export const FERPLUS_LABELS: LabelMap = {
  labels: [...FERPLUS_VOTE_COLUMNS, FERPLUS_NO_MAJORITY],
  map: {
    neutral: 'neutral',
    happiness: 'happiness',
    surprise: 'surprise',
    sadness: 'sadness',
    anger: 'anger',
    disgust: 'disgust',
    fear: 'fear',
    contempt: 'contempt',
    unknown: null,
    NF: null,
    [FERPLUS_NO_MAJORITY]: null,
  },
};

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

function entry(root: string, split: Split, image: string, votes: number[]): DatasetEntry {
  const key = `${split.folder}/${image}`;
  const humanVotes = HUMAN_VOTE_CATEGORIES.map(() => 0);
  votes.forEach((v, column) => (humanVotes[CATEGORY_OF_COLUMN[column]!]! += v));
  return { key, file: path.join(root, key), split: split.split, labelRaw: ferplusMajority(votes), humanVotes };
}

/** `<image>,"(x, y, w, h)",<10 votes>` rows of a split's label.csv (no header). */
async function fromLabelCsv(root: string, split: Split, listing: DatasetListing): Promise<void> {
  const file = `${split.folder}/label.csv`;
  const lines = (await readFile(path.join(root, file), 'utf8')).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^(?<image>[^,"]+),"\((?<box>[^)]*)\)",(?<votes>.*)$/.exec(line.trim());
    if (match?.groups === undefined) return void listing.problems.push(`${file}:${i + 1}: expected <image>,"(x, y, w, h)",<10 votes>, got "${line.trim()}", skipped`);
    const votes = parseVotes(match.groups.votes!.split(','));
    if (typeof votes === 'string') return void listing.problems.push(`${file}:${i + 1}: ${votes}, skipped`);
    listing.entries.push(entry(root, split, match.groups.image!, votes));
  });
}

/** The rows of fer2013new.csv (Usage,Image name,<10 votes>) for splits without a label.csv; rows with no image name are faces FER+ dropped. */
async function fromVotesFile(root: string, splits: readonly Split[], listing: DatasetListing): Promise<void> {
  const lines = (await readFile(path.join(root, VOTES_FILE), 'utf8')).split(/\r?\n/);
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const [usage, image, ...cells] = line.trim().split(',');
    const split = splits.find((s) => s.usage === usage);
    if (split === undefined || image === undefined || image === '') return;
    const votes = parseVotes(cells);
    if (typeof votes === 'string') return void listing.problems.push(`${VOTES_FILE}:${i + 1}: ${votes}, skipped`);
    listing.entries.push(entry(root, split, image, votes));
  });
}

/**
 * FER+ (Barsoum et al. 2016) in the layout Microsoft's generate_training_data.py writes: FER2013{Train,Valid,Test}/
 * with the PNG faces and label.csv. Each face's 10 crowd votes become human votes; its gold label is the FER+
 * majority (ferplus-majority.ts). A split folder without label.csv takes its votes from fer2013new.csv.
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
      throw new RunnerError(RunnerErrorCode.DatasetLayout, `not a FER+ folder: none of ${wanted.join(', ')} exists (splits: ${SPLITS.map((s) => s.split).join(', ')})`);
    }
    const listing: DatasetListing = { entries: [], problems: [] };
    const withoutLabels = present.filter((s) => !existsSync(path.join(root, s.folder, 'label.csv')));
    if (withoutLabels.length > 0 && !existsSync(path.join(root, VOTES_FILE)))
      throw new RunnerError(
        RunnerErrorCode.DatasetLayout,
        `FER+: ${withoutLabels.map((s) => path.join(root, s.folder, 'label.csv')).join(', ')} missing and no ${path.join(root, VOTES_FILE)} to take the votes from`,
      );
    for (const s of present) if (!withoutLabels.includes(s)) await fromLabelCsv(root, s, listing);
    if (withoutLabels.length > 0) await fromVotesFile(root, withoutLabels, listing);
    return listing;
  },
};
