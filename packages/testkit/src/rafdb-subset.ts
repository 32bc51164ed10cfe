import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LABEL_FILE = path.join('EmoLabel', 'list_patition_label.txt');

/**
 * A small real RAF-DB: the first `perLabel` test faces of each of the seven labels (in the label file's order),
 * copied with their label lines into RAF-DB's own layout under `into`. Every label is present, so accuracy and
 * κ mean something, and the run takes seconds instead of minutes.
 */
export function writeRafdbSubset(rafdbRoot: string, into: string, perLabel: number): string {
  const basic = path.join(rafdbRoot, 'basic');
  const lines = readFileSync(path.join(basic, LABEL_FILE), 'utf8').split(/\r?\n/);
  const taken = new Map<string, number>();
  const chosen = lines.filter((line) => {
    const match = /^(test_\w+)\.jpg\s+(\d)$/.exec(line.trim());
    if (!match) return false;
    const label = match[2]!;
    const count = taken.get(label) ?? 0;
    if (count >= perLabel) return false;
    taken.set(label, count + 1);
    return true;
  });
  const target = path.join(into, 'basic');
  mkdirSync(path.join(target, 'EmoLabel'), { recursive: true });
  mkdirSync(path.join(target, 'Image', 'aligned'), { recursive: true });
  writeFileSync(path.join(target, LABEL_FILE), `${chosen.join('\n')}\n`);
  for (const line of chosen) {
    const name = `${line.trim().split('.')[0]}_aligned.jpg`;
    copyFileSync(path.join(basic, 'Image', 'aligned', name), path.join(target, 'Image', 'aligned', name));
  }
  return into;
}
