import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LINK_FILE = 'ferplus_to_fer2013.csv';

/**
 * A FER+ folder holding the first `faces` rows of the real FER2013Test/label.csv and their PNGs (copied, never
 * linked into git), and ferplus_to_fer2013.csv: a small real subset the importer reads like the whole dataset.
 */
export function ferplusSubset(ferplusRoot: string, faces: number): { root: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'ferbench-ferplus-subset-'));
  const source = path.join(ferplusRoot, 'FER2013Test');
  const rows = readFileSync(path.join(source, 'label.csv'), 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, faces);
  mkdirSync(path.join(root, 'FER2013Test'));
  for (const row of rows) {
    const image = row.slice(0, row.indexOf(','));
    copyFileSync(path.join(source, image), path.join(root, 'FER2013Test', image));
  }
  writeFileSync(path.join(root, 'FER2013Test', 'label.csv'), `${rows.join('\n')}\n`);
  // The link to FER2013 (every row; the importer uses those of the faces present).
  if (existsSync(path.join(ferplusRoot, LINK_FILE))) copyFileSync(path.join(ferplusRoot, LINK_FILE), path.join(root, LINK_FILE));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
