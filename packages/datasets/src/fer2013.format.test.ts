import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { decodeImage, sha256Hex } from '@ferbench/inference';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { importDataset } from './import-dataset.js';

const db = testDatabaseHooks('runner_fer2013_csv');
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-fer2013-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

// fer2013.csv's emotion codes of the Kaggle folder names (the challenge's README: 0 Angry … 6 Neutral).
const CODE: Record<string, string> = { angry: '0', disgust: '1', fear: '2', happy: '3', sad: '4', surprise: '5', neutral: '6' };
const PER_GROUP = 2;

interface Row {
  emotion: string;
  pixels: Uint8Array;
  usage: string;
  jpeg: string;
}

/** Real FER2013 test faces (JPEG), PER_GROUP per folder label and Usage, with their grey pixels. */
async function realFaces(root: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const label of Object.keys(CODE))
    for (const usage of ['PublicTest', 'PrivateTest']) {
      const names = readdirSync(path.join(root, label)).filter((n) => n.startsWith(`${usage}_`)).sort().slice(0, PER_GROUP);
      for (const name of names) {
        const jpeg = path.join(root, label, name);
        const pixels = await decodeImage(readFileSync(jpeg));
        assert.deepEqual([pixels.width, pixels.height, pixels.channels], [48, 48, 1]);
        rows.push({ emotion: CODE[label]!, pixels: pixels.data, usage, jpeg });
      }
    }
  return rows;
}

const csvLine = (emotion: string, pixels: Iterable<number> | string, usage: string) => `${emotion},${typeof pixels === 'string' ? pixels : [...pixels].join(' ')},${usage}`;

test('fer2013.csv: rows become lossless PNGs under the data folder, labelled 0–6 as published, split by Usage; bad rows named by line; a re-import changes nothing', async (t) => {
  const root = fixture(t, 'data', 'fer2013', 'test');
  if (root === undefined) return;
  const faces = await realFaces(root);
  assert.equal(faces.length, 7 * 2 * PER_GROUP);
  const first = faces[0]!;
  const lines = [
    'emotion,pixels,Usage',
    ...faces.map((f) => csvLine(f.emotion, f.pixels, f.usage)),
    csvLine(first.emotion, first.pixels, 'PrivateTest'), // the first face again: an exact duplicate
    csvLine('3', '1 2 3', 'PublicTest'), // too few pixels
    csvLine('7', first.pixels, 'PublicTest'), // no emotion 7
    csvLine('4', [...first.pixels].map((v, i) => (i === 10 ? 300 : v)), 'PublicTest'), // a value out of range
  ];
  const csv = path.join(dir, 'fer2013.csv');
  writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  const dataDir = path.join(dir, 'data');

  const summary = await importDataset(db.pool, { format: 'fer2013', root: dir, dataDir, id: 'fer2013-csv' });
  assert.equal(summary.datasetId, 'fer2013-csv');
  assert.equal(summary.inserted, faces.length + 1);
  const n = faces.length;
  assert.deepEqual(summary.skipped.map((s) => s.name), [
    `fer2013.csv:${n + 3}: pixels: expected 2304 values (48×48), got 3, skipped`,
    `fer2013.csv:${n + 4}: unknown emotion "7" (expected 0, 1, 2, 3, 4, 5, 6), skipped`,
    `fer2013.csv:${n + 5}: pixels: value 11 is "300", expected an integer 0–255, skipped`,
  ]);
  const counts = Object.fromEntries(summary.counts.map((c) => [`${c.split}:${c.labelRaw}:${c.emotion}`, c.count]));
  assert.deepEqual(counts, {
    'PrivateTest:0:anger': 3, // 2 + the duplicate of the first face (an angry PublicTest face)
    'PrivateTest:1:disgust': 2,
    'PrivateTest:2:fear': 2,
    'PrivateTest:3:happiness': 2,
    'PrivateTest:4:sadness': 2,
    'PrivateTest:5:surprise': 2,
    'PrivateTest:6:neutral': 2,
    'PublicTest:0:anger': 2,
    'PublicTest:1:disgust': 2,
    'PublicTest:2:fear': 2,
    'PublicTest:3:happiness': 2,
    'PublicTest:4:sadness': 2,
    'PublicTest:5:surprise': 2,
    'PublicTest:6:neutral': 2,
  });
  assert.deepEqual(summary.duplicates, { any: 2, withinDataset: 2, acrossDatasets: 0, otherDatasets: [] });

  // Row i is FER+'s fer%07d.png; its file holds exactly the JPEG's pixels, and the runner's decoder reads them back.
  const { rows } = await db.pool.query<{ key: string; path: string; sha256: string; width: number; height: number; gold_label_raw: string }>(
    `SELECT key, path, sha256, width, height, gold_label_raw FROM images WHERE dataset_id = 'fer2013-csv' ORDER BY key`,
  );
  assert.equal(rows[0]!.key, 'fer0000000.png');
  assert.equal(rows[n]!.key, `fer${String(n).padStart(7, '0')}.png`);
  for (const [i, face] of faces.entries()) {
    const row = rows[i]!;
    assert.ok(row.path.startsWith(path.join(dataDir, 'images') + path.sep), row.path);
    const bytes = readFileSync(row.path);
    assert.equal(sha256Hex(bytes), row.sha256);
    const decoded = await decodeImage(bytes);
    assert.deepEqual([decoded.width, decoded.height, decoded.channels], [48, 48, 1]);
    assert.deepEqual(Buffer.from(decoded.data), Buffer.from(face.pixels), `row ${i} (${face.jpeg}) decodes to its pixels`);
    assert.equal(row.gold_label_raw, face.emotion);
  }
  assert.equal(rows[n]!.sha256, rows[0]!.sha256, 'equal pixels make the same file');
  assert.equal(rows[n]!.path, rows[0]!.path);

  const again = await importDataset(db.pool, { format: 'fer2013', root: csv, dataDir, id: 'fer2013-csv' });
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, n + 1]);
  const only = await importDataset(db.pool, { format: 'fer2013', root: csv, dataDir, id: 'fer2013-public', split: 'PublicTest' });
  assert.equal(only.inserted, n / 2);
  assert.deepEqual(only.duplicates, { any: n / 2, withinDataset: 0, acrossDatasets: n / 2, otherDatasets: ['fer2013-csv'] });
});

test('fer2013.csv without a data folder, or without its header, is refused by name', async () => {
  const csv = path.join(dir, 'headless.csv');
  writeFileSync(csv, '0,1 2 3,Training\n');
  await assert.rejects(importDataset(db.pool, { format: 'fer2013', root: csv, dataDir: dir }), {
    message: `${csv}:1: expected a header with the columns emotion, pixels (and Usage), got "0,1 2 3,Training"`,
  });
  writeFileSync(csv, `emotion,pixels\n3,${new Array(2304).fill(7).join(' ')}\n`);
  await assert.rejects(importDataset(db.pool, { format: 'fer2013', root: csv }), /publishes pixels, which are stored as image files under a data folder, and none was given \(FERBENCH_DATA_DIR\)/);
  const summary = await importDataset(db.pool, { format: 'fer2013', root: csv, dataDir: dir, id: 'no-usage', split: 'private' });
  assert.deepEqual(summary.counts, [{ split: 'private', emotion: 'happiness', labelRaw: '3', count: 1 }]);
});
