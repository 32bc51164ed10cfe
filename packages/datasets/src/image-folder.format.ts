import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import type { DatasetEntry, DatasetFormat, DatasetListing } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { knownLabelsHint, resolveLabels } from './user-labels.js';

/** FER2013's classes as the Kaggle image-folder release names its folders, in the original CSV's index order. */
export const FER2013_FOLDER_LABELS: LabelMap = {
  labels: ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'],
  map: { angry: 'anger', disgust: 'disgust', fear: 'fear', happy: 'happiness', sad: 'sadness', surprise: 'surprise', neutral: 'neutral' },
};

/** The split images get when the layout has no split folders (`<label>/*`) and none is given. */
export const WHOLE_SPLIT = 'all';

export const IMAGE_FILE = /\.(jpe?g|png|webp|bmp|tiff?)$/i;

async function folders(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function imageFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && IMAGE_FILE.test(e.name)).map((e) => e.name).sort();
}

/**
 * Lists `<root>/<split>/<label>/<image>`, or `<root>/<label>/<image>` when the folders under root hold images
 * themselves (then every image gets `split`, default WHOLE_SPLIT). Labels are the folder names; `labels` maps them
 * (else they are matched by name, user-labels.ts). A folder whose label has no entry is reported and skipped.
 */
export async function listImageFolders(root: string, split: string | undefined, labels: LabelMap | undefined): Promise<DatasetListing> {
  const top = await folders(root);
  const flat = (await Promise.all(top.map(async (f) => (await imageFiles(path.join(root, f))).length > 0))).some(Boolean);
  let groups: { split: string; prefix: string; label: string }[];
  if (flat) {
    groups = top.map((label) => ({ split: split ?? WHOLE_SPLIT, prefix: '', label }));
  } else {
    if (split !== undefined && !top.includes(split))
      throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `no split folder "${split}" in ${root} (found: ${top.join(', ') || 'none'})`);
    groups = [];
    for (const s of split === undefined ? top : [split]) for (const label of await folders(path.join(root, s))) groups.push({ split: s, prefix: `${s}/`, label });
  }
  const { labelMap, unknown } = resolveLabels(groups.map((g) => g.label), labels);
  const entries: DatasetEntry[] = [];
  const problems: string[] = [];
  for (const g of groups) {
    if (unknown.includes(g.label)) {
      problems.push(`${g.prefix}${g.label}/: unknown label folder (${knownLabelsHint(labels)}), skipped`);
      continue;
    }
    for (const name of await imageFiles(path.join(root, g.prefix, g.label)))
      entries.push({ key: `${g.prefix}${g.label}/${name}`, file: path.join(root, g.prefix, g.label, name), split: g.split, labelRaw: g.label });
  }
  return { entries, problems, labelMap };
}

/** `<split>/<label>/*` or `<label>/*`, folder names mapped by `--labels` or by name. */
export const imageFolderFormat: DatasetFormat = {
  name: 'imagefolder',
  description: '<split>/<label>/<image> or <label>/<image>; folder names mapped by --labels map.json, else by emotion name (happy, angry…)',
  labelMap: FER2013_FOLDER_LABELS,
  takesLabels: true,
  defaultId: (root) => path.basename(path.resolve(root)).toLowerCase(),
  list: (root, split, options) => listImageFolders(root, split, options.labels),
};
