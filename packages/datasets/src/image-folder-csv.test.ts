import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { csvCells } from './csv-line.js';
import { importDataset } from './import-dataset.js';
import { readLabelsFile } from './user-labels.js';

const db = testDatabaseHooks('runner_imagefolder_csv');
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-folder-csv-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** The first `n` real RAF-DB test faces, copied into `folder`. */
function copyFaces(raf: string, names: readonly string[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const name of names) copyFileSync(path.join(raf, name), path.join(folder, name));
}

test('CSV cells: quotes, doubled quotes, empty cells, and a line that cannot be read', () => {
  assert.deepEqual(csvCells('a,"b,c","say ""hi""",'), ['a', 'b,c', 'say "hi"', '']);
  assert.deepEqual(csvCells(''), ['']);
  assert.equal(csvCells('a,"b'), 'unterminated quoted cell at column 2');
  assert.equal(csvCells('"a"b,c'), 'text after the closing quote of column 1');
});

test('imagefolder <label>/* with --labels: mapped by the file, a null label kept unmapped, an unlisted folder named; the split is --split', async (t) => {
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (raf === undefined) return;
  const names = readdirSync(raf).sort().slice(0, 7);
  copyFaces(raf, names.slice(0, 3), path.join(dir, 'flat', 'joy'));
  copyFaces(raf, names.slice(3, 5), path.join(dir, 'flat', 'Other'));
  copyFaces(raf, names.slice(5, 7), path.join(dir, 'flat', 'boredom'));
  const labelsFile = path.join(dir, 'labels.json');
  writeFileSync(labelsFile, JSON.stringify({ joy: 'happiness', Other: null }));
  const labels = await readLabelsFile(labelsFile);
  const summary = await importDataset(db.pool, { format: 'imagefolder', root: path.join(dir, 'flat'), labels, split: 'val' });
  assert.equal(summary.datasetId, 'flat');
  assert.equal(summary.inserted, 5);
  assert.deepEqual(summary.skipped.map((s) => s.name), ['boredom/: unknown label folder (known: joy, Other), skipped']);
  assert.deepEqual(summary.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`), ['val joy happiness 3', 'val Other null 2']);
  const { rows } = await db.pool.query(`SELECT label_map FROM datasets WHERE id = 'flat'`);
  assert.deepEqual(rows[0].label_map, { labels: ['Other', 'joy'], map: { Other: null, joy: 'happiness' } });

  // Without --labels, folder names are matched as emotion names, in any case.
  rmSync(path.join(dir, 'flat', 'boredom'), { recursive: true });
  copyFaces(raf, names.slice(5, 7), path.join(dir, 'byname', 'Happy'));
  copyFaces(raf, names.slice(0, 1), path.join(dir, 'byname', 'contempt'));
  const byName = await importDataset(db.pool, { format: 'imagefolder', root: path.join(dir, 'byname') });
  assert.deepEqual(byName.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`), ['all Happy happiness 2', 'all contempt contempt 1']);
  // Only the contempt face (a copy of one of flat's joy faces) exists elsewhere.
  assert.deepEqual(byName.duplicates, { any: 1, withinDataset: 0, acrossDatasets: 1, otherDatasets: ['flat'] });
});

test('--labels files are checked: a label mapped to a non-emotion is refused with the file and label named', async () => {
  const bad = path.join(dir, 'bad-labels.json');
  writeFileSync(bad, JSON.stringify({ joy: 'joy' }));
  await assert.rejects(readLabelsFile(bad), {
    message: `--labels ${bad}: label "joy" maps to "joy", expected one of neutral, happiness, sadness, surprise, fear, disgust, anger, contempt or null`,
  });
  writeFileSync(bad, '[1, 2]');
  await assert.rejects(readLabelsFile(bad), { message: `--labels ${bad}: expected an object {"label": "emotion" | null} or {"labels": [...], "map": {...}}` });
  await assert.rejects(importDataset(db.pool, { format: 'rafdb', root: dir, labels: { labels: ['a'], map: { a: null } } }), {
    message: '--labels does not apply to format rafdb: its labels are fixed (1, 2, 3, 4, 5, 6, 7)',
  });
});

test('csv path,label,split: paths relative to the file; a missing file, an unknown label and a repeated path named; the rest imports', async (t) => {
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (raf === undefined) return;
  const names = readdirSync(raf).sort().slice(0, 4);
  copyFaces(raf, names, path.join(dir, 'csv', 'faces'));
  const rows = [
    'path,label,split',
    `faces/${names[0]},happy,train`,
    `faces/${names[1]},sad,train`,
    `"faces/${names[2]}",neutral,test`,
    `faces/${names[3]},bored,test`,
    'faces/gone.jpg,happy,test',
    `faces/${names[0]},sad,test`,
    `${path.join(dir, 'csv', 'faces', names[1]!)},angry,`,
  ];
  writeFileSync(path.join(dir, 'csv', 'My-Set.csv'), rows.join('\n'));
  const summary = await importDataset(db.pool, { format: 'csv', root: path.join(dir, 'csv', 'My-Set.csv'), split: undefined });
  assert.equal(summary.datasetId, 'my-set');
  assert.equal(summary.inserted, 4);
  assert.deepEqual(
    summary.skipped.map((s) => (s.reason === 'layout' ? s.name : `${s.name}: ${s.reason.split(',')[0]}`)),
    [
      'My-Set.csv:5: unknown label "bored" (known names: neutral, happiness, sadness, surprise, fear, disgust, anger, contempt, angry, happy, sad, surprised, fearful, afraid, disgusted, contemptuous; or pass --labels map.json), skipped',
      `faces/${names[0]}: listed again (${path.join(dir, 'csv', 'faces', names[0]!)}); the first listing (${path.join(dir, 'csv', 'faces', names[0]!)}) is imported`,
      'faces/gone.jpg: ENOENT: no such file or directory',
    ],
  );
  assert.deepEqual(summary.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`), ['all angry anger 1', 'test neutral neutral 1', 'train happy happiness 1', 'train sad sadness 1']);
  // names[1] is listed under two keys (relative and absolute): a copy within; all four faces are also in flat or byname.
  assert.deepEqual(summary.duplicates, { any: 4, withinDataset: 2, acrossDatasets: 4, otherDatasets: ['byname', 'flat'] });
});
