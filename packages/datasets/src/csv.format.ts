import path from 'node:path';
import { csvCells, headerColumns } from './csv-line.js';
import type { DatasetEntry, DatasetFormat } from './dataset-format.js';
import { DatasetImportError, DatasetImportErrorCode } from './dataset-import-error.js';
import { FER2013_FOLDER_LABELS, WHOLE_SPLIT } from './image-folder.format.js';
import { readLines } from './read-lines.js';
import { knownLabelsHint, resolveLabels } from './user-labels.js';

interface Row {
  where: string;
  image: string;
  label: string;
  split: string;
}

/**
 * A CSV file of `path,label[,split]` rows (a header naming path and label, and optionally split, may come first).
 * Paths are relative to the CSV's folder unless absolute; labels are mapped by `--labels`, else by name; rows
 * without a split get `split` or WHOLE_SPLIT.
 */
export const csvFormat: DatasetFormat = {
  name: 'csv',
  description: 'a CSV file of path,label[,split] rows (optional header; paths relative to the file); labels mapped by --labels map.json, else by emotion name',
  labelMap: FER2013_FOLDER_LABELS,
  takesLabels: true,
  defaultId: (root) => path.basename(root, path.extname(root)).toLowerCase(),
  async list(root, split, options) {
    const name = path.basename(root);
    const rows: Row[] = [];
    const problems: string[] = [];
    let columns = { path: 0, label: 1, split: 2 };
    let lineNo = 0;
    for await (const line of readLines(root)) {
      lineNo++;
      if (line.trim() === '') continue;
      const cells = csvCells(line);
      if (typeof cells === 'string') {
        problems.push(`${name}:${lineNo}: ${cells}, skipped`);
        continue;
      }
      if (lineNo === 1) {
        const header = headerColumns(cells, { path: 'path', label: 'label', split: 'split' });
        if (header.path !== -1 && header.label !== -1) {
          columns = header;
          continue;
        }
      }
      const image = (cells[columns.path] ?? '').trim();
      const label = (cells[columns.label] ?? '').trim();
      if (image === '' || label === '') {
        problems.push(`${name}:${lineNo}: expected path,label[,split], got "${line}", skipped`);
        continue;
      }
      const rowSplit = (columns.split === -1 ? '' : (cells[columns.split] ?? '').trim()) || (split ?? WHOLE_SPLIT);
      if (split !== undefined && rowSplit !== split) continue;
      rows.push({ where: `${name}:${lineNo}`, image: image.replaceAll('\\', '/'), label, split: rowSplit });
    }
    if (lineNo === 0) throw new DatasetImportError(DatasetImportErrorCode.DatasetLayout, `${root} is empty: expected path,label[,split] rows`);
    const { labelMap, unknown } = resolveLabels(rows.map((r) => r.label), options.labels);
    const entries: DatasetEntry[] = [];
    for (const r of rows) {
      if (unknown.includes(r.label)) problems.push(`${r.where}: unknown label "${r.label}" (${knownLabelsHint(options.labels)}), skipped`);
      else entries.push({ key: r.image, file: path.resolve(path.dirname(root), r.image), split: r.split, labelRaw: r.label });
    }
    return { entries, problems, labelMap };
  },
};
