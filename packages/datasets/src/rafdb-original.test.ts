import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { importDataset } from './import-dataset.js';

const db = testDatabaseHooks('runner_rafdb_original');
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-rafdb-original-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const MANUAL_TRAIN_1 = ['34.2\t41.7', '66.9\t40.3', '50.1\t58.8', '37.4\t75.0', '63.2\t74.1', '1', '0', '2'];

// The shared copy of RAF-DB has only the aligned test faces; the authors' README documents Image/original and
// Annotation/{manual,auto,boundingbox}, so this layout is written here (real faces standing in for the photos).
test('rafdb --variant original: Image/original/<name>.jpg of every split in the label file, with manual landmarks, attributes and face box; missing pieces named', async (t) => {
  const aligned = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  if (aligned === undefined) return;
  const basic = path.join(dir, 'basic');
  for (const folder of ['EmoLabel', 'Image/original', 'Annotation/manual', 'Annotation/boundingbox']) mkdirSync(path.join(basic, folder), { recursive: true });
  writeFileSync(path.join(basic, 'EmoLabel', 'list_patition_label.txt'), 'train_00001.jpg 4\ntrain_00002.jpg 1\ntest_0001.jpg 5\ntest_0002.jpg 7\n');
  const faces = readdirSync(aligned).sort();
  for (const [i, name] of ['train_00001', 'train_00002', 'test_0001'].entries()) copyFileSync(path.join(aligned, faces[i]!), path.join(basic, 'Image', 'original', `${name}.jpg`));
  writeFileSync(path.join(basic, 'Annotation', 'manual', 'train_00001_manu_attri.txt'), `${MANUAL_TRAIN_1.join('\n')}\n`);
  writeFileSync(path.join(basic, 'Annotation', 'manual', 'train_00002_manu_attri.txt'), '34.2 41.7\n66.9\n');
  writeFileSync(path.join(basic, 'Annotation', 'manual', 'test_0001_manu_attri.txt'), `${MANUAL_TRAIN_1.slice(0, 5).join('\n')}\n1\n2\n3\n`);
  for (const name of ['train_00001', 'train_00002', 'test_0002']) writeFileSync(path.join(basic, 'Annotation', 'boundingbox', `${name}_boundingbox.txt`), '12.5 20.0 88.25 97.0\n');

  const summary = await importDataset(db.pool, { format: 'rafdb', root: dir, variant: 'original', id: 'rafdb-original' });
  assert.equal(summary.inserted, 3);
  assert.deepEqual(summary.skipped.map((s) => (s.reason === 'layout' ? s.name : `${s.name}: ${s.reason.split(',')[0]}`)), [
    'Annotation/auto/: absent, so the original images carry no auto annotations',
    'Annotation/manual/train_00002_manu_attri.txt: expected 5 lines of "x y"; the image is imported without it',
    'Annotation/boundingbox/test_0001_boundingbox.txt: missing; the image is imported without it',
    'Annotation/manual/test_0002_manu_attri.txt: missing; the image is imported without it',
    'Image/original/test_0002.jpg: ENOENT: no such file or directory',
  ]);
  assert.deepEqual(summary.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`), ['test 5 sadness 1', 'train 4 happiness 1', 'train 1 surprise 1']);
  const { rows } = await db.pool.query<{ key: string; annotations: unknown }>(`SELECT key, annotations FROM images WHERE dataset_id = 'rafdb-original' ORDER BY key`);
  assert.deepEqual(rows, [
    {
      key: 'Image/original/test_0001.jpg',
      annotations: { landmarks5: [[34.2, 41.7], [66.9, 40.3], [50.1, 58.8], [37.4, 75], [63.2, 74.1]], gender: 1, race: 2, ageGroup: 3 },
    },
    {
      key: 'Image/original/train_00001.jpg',
      annotations: {
        landmarks5: [[34.2, 41.7], [66.9, 40.3], [50.1, 58.8], [37.4, 75], [63.2, 74.1]],
        gender: 1,
        race: 0,
        ageGroup: 2,
        faceBox: { x1: 12.5, y1: 20, x2: 88.25, y2: 97 },
      },
    },
    { key: 'Image/original/train_00002.jpg', annotations: { faceBox: { x1: 12.5, y1: 20, x2: 88.25, y2: 97 } } },
  ]);
  const train = await importDataset(db.pool, { format: 'rafdb', root: dir, variant: 'original', id: 'rafdb-original-train', split: 'train' });
  assert.equal(train.inserted, 2);
  await assert.rejects(importDataset(db.pool, { format: 'rafdb', root: dir, variant: 'cropped' }), { message: 'rafdb: unknown variant "cropped" (expected aligned or original)' });
  await assert.rejects(importDataset(db.pool, { format: 'affectnet', root: dir, variant: 'original' }), { message: '--variant does not apply to format affectnet: it has one set of images' });
});
