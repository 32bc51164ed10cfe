import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabelMap } from '@ferbench/shared';
import type { DatasetEntry, DatasetFormat } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { RAFDB_ANNOTATIONS, readRafdbAnnotations } from './rafdb-annotations.js';

/** RAF-DB basic's labels as list_patition_label.txt writes them: 1 Surprise … 7 Neutral (the authors' README). */
export const RAFDB_LABELS: LabelMap = {
  labels: ['1', '2', '3', '4', '5', '6', '7'],
  map: { '1': 'surprise', '2': 'fear', '3': 'disgust', '4': 'happiness', '5': 'sadness', '6': 'anger', '7': 'neutral' },
};

const LABEL_FILE = path.join('EmoLabel', 'list_patition_label.txt');
/** `aligned`: the 100×100 aligned faces (default); `original`: the uncropped photos with their annotation files. */
export const RAFDB_VARIANTS = ['aligned', 'original'] as const;

/** The folder holding EmoLabel/ and Image/: `root` itself or its `basic/` (the official archive's top level). */
function basicFolder(root: string): string {
  if (existsSync(path.join(root, LABEL_FILE))) return root;
  if (existsSync(path.join(root, 'basic', LABEL_FILE))) return path.join(root, 'basic');
  throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `not a RAF-DB basic folder: ${path.join(root, LABEL_FILE)} does not exist`);
}

/**
 * RAF-DB basic, official layout: each line of the label file is "<name>.jpg <label>", the split is the name's prefix
 * (train_/test_; every line of the file is read). `aligned` takes Image/aligned/<name>_aligned.jpg; `original` takes
 * Image/original/<name>.jpg with its landmarks, attributes and face box from Annotation/ as annotations.
 */
export const rafdbFormat: DatasetFormat = {
  name: 'rafdb',
  description: 'RAF-DB basic: EmoLabel/list_patition_label.txt + Image/aligned/<name>_aligned.jpg (--variant original: Image/original/<name>.jpg + Annotation/ landmarks and face box)',
  labelMap: RAFDB_LABELS,
  variants: RAFDB_VARIANTS,
  defaultId: () => 'rafdb',
  async list(root, split, options) {
    const variant = options.variant ?? 'aligned';
    if (!(RAFDB_VARIANTS as readonly string[]).includes(variant))
      throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `rafdb: unknown variant "${variant}" (expected ${RAFDB_VARIANTS.join(' or ')})`);
    const basic = basicFolder(root);
    const lines = (await readFile(path.join(basic, LABEL_FILE), 'utf8')).split(/\r?\n/);
    const entries: DatasetEntry[] = [];
    const problems: string[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const match = /^(?<split>train|test)_(?<id>\w+)\.jpg\s+(?<label>\S+)$/.exec(line.trim());
      if (match?.groups === undefined) return void problems.push(`${LABEL_FILE}:${i + 1}: cannot read "${line.trim()}", skipped`);
      const { split: s, id, label } = match.groups as { split: string; id: string; label: string };
      if (RAFDB_LABELS.map[label] === undefined) return void problems.push(`${LABEL_FILE}:${i + 1}: unknown label "${label}", skipped`);
      if (split !== undefined && s !== split) return;
      const key = variant === 'aligned' ? `Image/aligned/${s}_${id}_aligned.jpg` : `Image/original/${s}_${id}.jpg`;
      entries.push({ key, file: path.join(basic, key), split: s, labelRaw: label });
    });
    if (variant === 'original') {
      const absent = Object.values(RAFDB_ANNOTATIONS).filter((a) => !existsSync(path.join(basic, a.folder)));
      if (absent.length > 0) problems.push(`${absent.map((a) => `${a.folder}/`).join(', ')}: absent, so the original images carry no ${absent.map((a) => a.folder.split('/')[1]).join(', ')} annotations`);
      for (const entry of entries) entry.annotations = { ...(await readRafdbAnnotations(basic, path.basename(entry.key, '.jpg'), problems)) };
    }
    return { entries, problems };
  },
};
