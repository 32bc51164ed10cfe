import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import type { DatasetEntry, DatasetFormat, DatasetListing } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { IMAGE_FILE, WHOLE_SPLIT } from './image-folder.format.js';

/**
 * Emognition's recordings (Saganowski et al., Sci Data 2022): a baseline, a neutral film and nine films targeting
 * amusement, awe, enthusiasm, liking, surprise, anger, disgust, fear and sadness. A frame's label is its film's
 * target. Mapped where the canonical set has the emotion (amusement is the film set's happiness); awe, enthusiasm
 * and liking have no canonical emotion, nor has the baseline (a screen of dots and lines, nothing elicited): kept
 * unmapped.
 */
export const EMOGNITION_LABELS: LabelMap = {
  labels: ['BASELINE', 'NEUTRAL', 'AMUSEMENT', 'AWE', 'ENTHUSIASM', 'LIKING', 'SURPRISE', 'ANGER', 'DISGUST', 'FEAR', 'SADNESS'],
  map: {
    BASELINE: null,
    NEUTRAL: 'neutral',
    AMUSEMENT: 'happiness',
    AWE: null,
    ENTHUSIASM: null,
    LIKING: null,
    SURPRISE: 'surprise',
    ANGER: 'anger',
    DISGUST: 'disgust',
    FEAR: 'fear',
    SADNESS: 'sadness',
  },
};

/** The nine emotions each self-report rates 1–5, and the SAM dimensions it rates 1–9. */
export const EMOGNITION_RATED = ['AWE', 'DISGUST', 'SURPRISE', 'ANGER', 'ENTHUSIASM', 'LIKING', 'FEAR', 'AMUSEMENT', 'SADNESS'] as const;
export const EMOGNITION_SAM = ['VALENCE', 'AROUSAL', 'MOTIVATION'] as const;

/** Where the frames extracted from a participant's video of one film are expected: `<id>/frames/<FILM>/`. */
export const FRAMES_FOLDER = 'frames';

export interface SelfReport {
  emotions: Record<string, number>;
  sam: Record<string, number>;
}

const questionnairesFile = (participant: string) => `${participant}/${participant}_QUESTIONNAIRES.json`;

function ratings(value: unknown, names: readonly string[], max: number, where: string): Record<string, number> | string {
  if (typeof value !== 'object' || value === null) return `${where}: expected an object of ${names.join(', ')}`;
  const record = value as Record<string, unknown>;
  const out: Record<string, number> = {};
  for (const name of names) {
    const v = record[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) return `${where}.${name} is ${JSON.stringify(v)}, expected an integer 1–${max}`;
    out[name] = v;
  }
  return out;
}

/**
 * The self-report per film of `<id>_QUESTIONNAIRES.json` ({"metadata": …, "questionnaires": [{"movie", "emotions":
 * {nine emotions 1–5}, "sam": {VALENCE, AROUSAL, MOTIVATION 1–9}}, …]}); bad entries are named in `problems`.
 */
async function readSelfReports(root: string, participant: string, problems: string[]): Promise<Map<string, SelfReport> | undefined> {
  const file = questionnairesFile(participant);
  if (!existsSync(path.join(root, file))) {
    problems.push(`${file}: missing, so the frames of participant ${participant} carry no self-report`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(root, file), 'utf8'));
  } catch (error) {
    problems.push(`${file}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)}), so the frames of participant ${participant} carry no self-report`);
    return undefined;
  }
  const list = (json as { questionnaires?: unknown } | null)?.questionnaires;
  if (!Array.isArray(list)) {
    problems.push(`${file}: expected {"questionnaires": [...]}, so the frames of participant ${participant} carry no self-report`);
    return undefined;
  }
  const reports = new Map<string, SelfReport>();
  list.forEach((entry: unknown, i) => {
    const where = `${file}: questionnaires[${i}]`;
    const movie = (entry as { movie?: unknown } | null)?.movie;
    if (typeof movie !== 'string' || EMOGNITION_LABELS.map[movie] === undefined)
      return void problems.push(`${where}.movie is ${JSON.stringify(movie)}, expected one of ${EMOGNITION_LABELS.labels.join(', ')}; entry ignored`);
    const emotions = ratings((entry as { emotions?: unknown }).emotions, EMOGNITION_RATED, 5, `${where}.emotions`);
    const sam = ratings((entry as { sam?: unknown }).sam, EMOGNITION_SAM, 9, `${where}.sam`);
    if (typeof emotions === 'string' || typeof sam === 'string') return void problems.push(`${typeof emotions === 'string' ? emotions : sam}; entry ignored`);
    reports.set(movie, { emotions, sam });
  });
  return reports;
}

async function folders(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
}

/**
 * Emognition: per participant `<id>/<id>_QUESTIONNAIRES.json` (the published self-reports) and the frames the user
 * extracted from the participant's video of each film, `<id>/frames/<FILM>/*.jpg` (FILM as the dataset names its
 * files: AMUSEMENT, NEUTRAL…). Label: the film's target emotion; annotations: participant, film and the self-report
 * for that film. One split (`--split` or WHOLE_SPLIT): the dataset publishes none.
 */
export const emognitionFormat: DatasetFormat = {
  name: 'emognition',
  description: 'Emognition: <id>/<id>_QUESTIONNAIRES.json self-reports + frames extracted from the videos, <id>/frames/<FILM>/*.jpg; label = the film\'s target emotion',
  labelMap: EMOGNITION_LABELS,
  defaultId: () => 'emognition',
  async list(root, split) {
    const participants = (await folders(root)).filter((p) => existsSync(path.join(root, p, FRAMES_FOLDER)) || existsSync(path.join(root, questionnairesFile(p))));
    if (participants.length === 0)
      throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `not an Emognition folder: no <id>/${FRAMES_FOLDER}/ or <id>/<id>_QUESTIONNAIRES.json under ${root}`);
    const listing: DatasetListing = { entries: [], problems: [] };
    for (const participant of participants) {
      const reports = await readSelfReports(root, participant, listing.problems);
      const films = await folders(path.join(root, participant, FRAMES_FOLDER));
      if (films.length === 0) listing.problems.push(`${participant}/${FRAMES_FOLDER}/: no frames extracted for participant ${participant}`);
      for (const film of films) {
        const dir = `${participant}/${FRAMES_FOLDER}/${film}`;
        if (EMOGNITION_LABELS.map[film] === undefined) {
          listing.problems.push(`${dir}/: unknown film "${film}" (expected one of ${EMOGNITION_LABELS.labels.join(', ')}), skipped`);
          continue;
        }
        const report = reports?.get(film);
        if (reports !== undefined && report === undefined) listing.problems.push(`${questionnairesFile(participant)}: no self-report for ${film}; its frames carry none`);
        const frames = (await readdir(path.join(root, dir))).filter((n) => IMAGE_FILE.test(n)).sort();
        for (const frame of frames) {
          const entry: DatasetEntry = {
            key: `${dir}/${frame}`,
            file: path.join(root, dir, frame),
            split: split ?? WHOLE_SPLIT,
            labelRaw: film,
            annotations: { participant, film, selfReport: report ?? null },
          };
          listing.entries.push(entry);
        }
      }
    }
    return listing;
  },
};
