import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sha256File } from '@ferbench/inference';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { FER2013_FOLDER_LABELS } from './image-folder.format.js';
import { importDataset } from './import-dataset.js';
import { formatImportSummary } from './import-summary.js';
import { countsByLabel } from './testing/counts-by-label.js';

const db = testDatabaseHooks('runner_import');

// Expected counts are those in each dataset's SOURCE.txt.
test('FER2013 test (Kaggle folders, format fer2013): 7,178 faces, per label and per PublicTest/PrivateTest as SOURCE.txt says', async (t) => {
  const root = fixture(t, 'data', 'fer2013');
  if (root === undefined) return;
  const summary = await importDataset(db.pool, { format: 'fer2013', root });
  assert.equal(summary.datasetId, 'fer2013');
  assert.deepEqual(summary.skipped, []);
  assert.equal(summary.inserted, 7178);
  assert.deepEqual(countsByLabel(summary, 'test'), {
    'angry:anger': 958,
    'disgust:disgust': 111,
    'fear:fear': 1024,
    'happy:happiness': 1774,
    'neutral:neutral': 1233,
    'sad:sadness': 1247,
    'surprise:surprise': 831,
  });
  const { rows } = await db.pool.query('SELECT key, path, sha256, bytes, width, height, split, gold_label, gold_label_raw FROM images WHERE key = $1', [
    'test/happy/PrivateTest_10077120.jpg',
  ]);
  const file = path.join(root, 'test/happy/PrivateTest_10077120.jpg');
  assert.deepEqual(rows[0], { key: 'test/happy/PrivateTest_10077120.jpg', path: file, sha256: await sha256File(file), bytes: rows[0].bytes, width: 48, height: 48, split: 'test', gold_label: 1, gold_label_raw: 'happy' });
  assert.ok(rows[0].bytes > 0);
  assert.match(formatImportSummary(summary), /^total {2,}7178 {2,}7178$/m);
  // The Kaggle file names keep fer2013.csv's Usage: SOURCE.txt's counts per Usage and label.
  const { rows: usage } = await db.pool.query<{ public: boolean; label: string; n: string }>(
    `SELECT split_part(key, '/', 3) ~ '^PublicTest_' AS public, split_part(key, '/', 2) AS label, count(*) AS n FROM images
     WHERE dataset_id = 'fer2013' GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
  );
  assert.deepEqual(
    usage.map((r) => `${r.public ? 'PublicTest' : 'PrivateTest'} ${r.label} ${r.n}`),
    [
      ...['angry 467', 'disgust 56', 'fear 496', 'happy 895', 'neutral 607', 'sad 653', 'surprise 415'].map((c) => `PublicTest ${c}`),
      ...['angry 491', 'disgust 55', 'fear 528', 'happy 879', 'neutral 626', 'sad 594', 'surprise 416'].map((c) => `PrivateTest ${c}`),
    ],
  );
  // 167 of the JPEGs are byte-identical to another (81 groups: 76 pairs, 5 triples; 4 groups disagree on the label),
  // as `sha256sum */*.jpg | sort | uniq -D -w64` over the folder shows.
  assert.deepEqual(summary.duplicates, { any: 167, withinDataset: 167, acrossDatasets: 0, otherDatasets: [] });
  const { rows: groups } = await db.pool.query<{ groups: string; conflicting: string }>(
    `SELECT count(*) AS groups, count(*) FILTER (WHERE labels > 1) AS conflicting
     FROM (SELECT sha256, count(DISTINCT gold_label) AS labels FROM images WHERE dataset_id = 'fer2013' GROUP BY sha256 HAVING count(*) > 1) g`,
  );
  assert.deepEqual(groups[0], { groups: '81', conflicting: '4' });
  const { rows: map } = await db.pool.query(`SELECT format, label_map FROM datasets WHERE id = 'fer2013'`);
  assert.deepEqual(map[0], { format: 'fer2013', label_map: FER2013_FOLDER_LABELS });
  // The same folder read as an image folder (as bootstrap does) is the same dataset: nothing changes.
  const asFolder = await importDataset(db.pool, { format: 'imagefolder', root, id: 'fer2013' });
  assert.deepEqual([asFolder.inserted, asFolder.updated, asFolder.unchanged], [0, 0, 7178]);
});

test('RAF-DB test: 3,068 faces, per label as SOURCE.txt says; a re-import adds nothing', async (t) => {
  const root = fixture(t, 'data', 'rafdb', 'basic');
  if (root === undefined) return;
  const first = await importDataset(db.pool, { format: 'rafdb', root });
  assert.equal(first.datasetId, 'rafdb');
  assert.deepEqual(countsByLabel(first, 'test'), {
    '1:surprise': 329,
    '2:fear': 74,
    '3:disgust': 160,
    '4:happiness': 1185,
    '5:sadness': 478,
    '6:anger': 162,
    '7:neutral': 680,
  });
  // test_2809 and test_2810 are the same file (both labelled 7, Neutral), as sha256sum over the folder shows.
  assert.deepEqual(first.duplicates, { any: 2, withinDataset: 2, acrossDatasets: 0, otherDatasets: [] });
  const second = await importDataset(db.pool, { format: 'rafdb', root });
  assert.deepEqual([second.inserted, second.updated, second.unchanged], [0, 0, 3068]);
  const { rows } = await db.pool.query<{ n: string; keys: string }>(`SELECT count(*) AS n, count(DISTINCT key) AS keys FROM images WHERE dataset_id = 'rafdb'`);
  assert.deepEqual(rows[0], { n: '3068', keys: '3068' });
  const { rows: one } = await db.pool.query(`SELECT width, height, gold_label, gold_label_raw FROM images WHERE key = 'Image/aligned/test_0001_aligned.jpg'`);
  assert.deepEqual(one[0], { width: 100, height: 100, gold_label: 2, gold_label_raw: '5' }, 'test_0001.jpg is labelled 5 (Sadness)');
});

test('a corrupt image and a missing one are reported by name; the rest imports', async (t) => {
  const fer = fixture(t, 'data', 'fer2013', 'test');
  const raf = fixture(t, 'data', 'rafdb', 'basic');
  if (fer === undefined || raf === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-import-'));
  try {
    // An image folder: 2 real faces per label folder for two labels, plus one file of garbage.
    for (const label of ['happy', 'sad']) {
      mkdirSync(path.join(dir, 'folder', 'test', label), { recursive: true });
      for (const name of readdirSync(path.join(fer, label)).slice(0, 2)) copyFileSync(path.join(fer, label, name), path.join(dir, 'folder', 'test', label, name));
    }
    writeFileSync(path.join(dir, 'folder', 'test', 'sad', 'broken.jpg'), Buffer.from('this is not a JPEG at all'));
    mkdirSync(path.join(dir, 'folder', 'test', 'bored'));
    const folder = await importDataset(db.pool, { format: 'imagefolder', root: path.join(dir, 'folder'), id: 'tiny-folder' });
    assert.equal(folder.inserted, 4);
    assert.deepEqual(folder.skipped.map((s) => s.name).sort(), [
      'test/bored/: unknown label folder (known names: neutral, happiness, sadness, surprise, fear, disgust, anger, contempt, angry, happy, sad, surprised, fearful, afraid, disgusted, contemptuous; or pass --labels map.json), skipped',
      'test/sad/broken.jpg',
    ]);
    assert.match(folder.skipped.find((s) => s.name === 'test/sad/broken.jpg')!.reason, /unsupported image format/);
    assert.match(formatImportSummary(folder), /^ {2}skipped test\/sad\/broken\.jpg: /m);

    // RAF-DB layout whose label file lists an image that is not there.
    mkdirSync(path.join(dir, 'raf', 'EmoLabel'), { recursive: true });
    mkdirSync(path.join(dir, 'raf', 'Image', 'aligned'), { recursive: true });
    writeFileSync(path.join(dir, 'raf', 'EmoLabel', 'list_patition_label.txt'), 'test_0001.jpg 5\ntest_0002.jpg 1\ntest_0003.jpg 4\ntrain_00001.jpg 9\n');
    for (const name of ['test_0001_aligned.jpg', 'test_0003_aligned.jpg']) copyFileSync(path.join(raf, 'Image', 'aligned', name), path.join(dir, 'raf', 'Image', 'aligned', name));
    const rafTiny = await importDataset(db.pool, { format: 'rafdb', root: path.join(dir, 'raf'), id: 'tiny-raf' });
    assert.equal(rafTiny.inserted, 2);
    const names = rafTiny.skipped.map((s) => `${s.name}: ${s.reason}`);
    assert.equal(names.length, 2);
    assert.match(names.find((n) => n.startsWith('Image/aligned/test_0002_aligned.jpg')) ?? '', /ENOENT/);
    assert.ok(names.some((n) => n.includes('list_patition_label.txt:4: unknown label "9"')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
