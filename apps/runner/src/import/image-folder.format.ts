import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import { RunnerError, RunnerErrorCode } from '../runner-error.js';
import type { DatasetEntry, DatasetFormat } from './dataset-format.js';

/** FER2013's classes as the Kaggle image-folder release names its folders, in the original CSV's index order. */
export const FER2013_FOLDER_LABELS: LabelMap = {
  labels: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'],
  map: { angry: 'anger', disgust: 'disgust', fear: 'fear', happy: 'happiness', sad: 'sadness', surprise: 'surprise', neutral: 'neutral' },
};

const IMAGE_FILE = /\.(jpe?g|png|webp|bmp|tiff?)$/i;

async function folders(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** `<root>/<split>/<label>/<image>`: FER2013's Kaggle layout, and that of many other releases. */
export const imageFolderFormat: DatasetFormat = {
  name: 'imagefolder',
  description: '<split>/<emotion>/*.jpg (FER2013 Kaggle layout)',
  labelMap: FER2013_FOLDER_LABELS,
  defaultId: (root) => path.basename(path.resolve(root)).toLowerCase(),
  async list(root, split) {
    const splits = await folders(root);
    if (split !== undefined && !splits.includes(split))
      throw new RunnerError(RunnerErrorCode.DatasetLayout, `no split folder "${split}" in ${root} (found: ${splits.join(', ') || 'none'})`);
    const entries: DatasetEntry[] = [];
    const problems: string[] = [];
    for (const s of split === undefined ? splits : [split]) {
      for (const label of await folders(path.join(root, s))) {
        if (FER2013_FOLDER_LABELS.map[label] === undefined) {
          problems.push(`${s}/${label}/: unknown label folder (known: ${FER2013_FOLDER_LABELS.labels.join(', ')}), skipped`);
          continue;
        }
        const names = (await readdir(path.join(root, s, label))).filter((n) => IMAGE_FILE.test(n)).sort();
        for (const name of names) entries.push({ key: `${s}/${label}/${name}`, file: path.join(root, s, label, name), split: s, labelRaw: label });
      }
    }
    return { entries, problems };
  },
};
