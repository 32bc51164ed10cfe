import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { EMOTIONS, HUMAN_VOTE_CATEGORIES } from '@ferbench/shared';
import { ferplusSubset, fixture, testDatabaseHooks } from '@ferbench/testkit';
import { FER2013_FOLDER_LABELS } from './image-folder.format.js';
import { importDataset } from './import-dataset.js';
import { countsByLabel } from './testing/counts-by-label.js';

const db = testDatabaseHooks('runner_ferplus');

/** A face's stored votes as { category: votes }. */
async function votesOf(datasetId: string, key: string): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ label: number; votes: number }>(
    `SELECT v.label, v.votes FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = $1 AND i.key = $2 ORDER BY v.label`,
    [datasetId, key],
  );
  return Object.fromEntries(rows.map((r) => [HUMAN_VOTE_CATEGORIES[r.label]!, r.votes]));
}

// Expected counts are those of data/ferplus/SOURCE.txt.
test('FER+: test 3,573 and valid 3,579 faces, majority labels of the test split as SOURCE.txt says, 10 votes each; a re-import adds nothing', async (t) => {
  const root = fixture(t, 'data', 'ferplus');
  if (root === undefined) return;
  const first = await importDataset(db.pool, { format: 'ferplus', root });
  assert.equal(first.datasetId, 'ferplus');
  assert.deepEqual(first.skipped, []);
  assert.deepEqual([first.inserted, first.humanVotesWritten], [7152, 7152]);
  const test = countsByLabel(first, 'test');
  // SOURCE.txt's "no majority 436" is 425 faces without any majority and 11 where "unknown" won.
  assert.deepEqual(test, {
    'neutral:neutral': 1083,
    'happiness:happiness': 892,
    'surprise:surprise': 394,
    'sadness:sadness': 382,
    'anger:anger': 269,
    'fear:fear': 86,
    'disgust:disgust': 16,
    'contempt:contempt': 15,
    'no-majority:null': 425,
    'unknown:null': 11,
  });
  const usable = Object.entries(test).filter(([label]) => !label.endsWith(':null')).reduce((n, [, c]) => n + c, 0);
  assert.equal(usable, 3137);
  assert.equal(Object.values(countsByLabel(first, 'valid')).reduce((a, b) => a + b, 0), 3579);

  const { rows } = await db.pool.query<{ faces: string; votes: string; ten: string }>(
    `SELECT count(*) AS faces, sum(total) AS votes, count(*) FILTER (WHERE total = 10) AS ten
       FROM (SELECT v.image_id, sum(v.votes) AS total FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = 'ferplus' GROUP BY 1) f`,
  );
  assert.deepEqual(rows[0], { faces: '7152', votes: '71520', ten: '7152' });
  // label.csv: fer0032220.png,"(0, 0, 48, 48)",0,0,0,0,2,1,0,7,0,0 — anger 2, disgust 1, contempt 7.
  assert.deepEqual(await votesOf('ferplus', 'FER2013Test/fer0032220.png'), { disgust: 1, anger: 2, contempt: 7 });
  const { rows: face } = await db.pool.query(`SELECT split, gold_label, gold_label_raw, width, height FROM images WHERE key = 'FER2013Test/fer0032220.png'`);
  assert.deepEqual(face[0], { split: 'test', gold_label: 7, gold_label_raw: 'contempt', width: 48, height: 48 });

  // ferplus_to_fer2013.csv: fer0032220.png is FER2013's PrivateTest_65940639.jpg (angry), matched at RMSE 1.847.
  const { rows: annotated } = await db.pool.query(`SELECT annotations FROM images WHERE key = 'FER2013Test/fer0032220.png'`);
  assert.deepEqual(annotated[0].annotations, {
    box: { x: 0, y: 0, width: 48, height: 48 },
    fer2013: { file: 'PrivateTest_65940639.jpg', label: 'angry', rmse: 1.847, nearDuplicate: false },
  });

  // Every test face names its FER2013 file; FER2013's own label (the file's folder) is the FER+ majority on 2,113 of
  // the 3,137 faces with one (67.4 %; SOURCE.txt: "about 67.5%"); 35 faces match several FER2013 files.
  const { rows: linked } = await db.pool.query<{ gold: number | null; label: string | null; near: boolean | null }>(
    `SELECT gold_label AS gold, annotations->'fer2013'->>'label' AS label, (annotations->'fer2013'->>'nearDuplicate')::boolean AS near
       FROM images WHERE dataset_id = 'ferplus' AND split = 'test'`,
  );
  const fer2013Gold = (label: string) => EMOTIONS.indexOf(FER2013_FOLDER_LABELS.map[label]!);
  assert.equal(linked.filter((r) => r.label !== null).length, 3573);
  assert.equal(linked.filter((r) => r.gold !== null && r.gold === fer2013Gold(r.label!)).length, 2113);
  assert.equal(linked.filter((r) => r.near === true).length, 35);

  const second = await importDataset(db.pool, { format: 'ferplus', root });
  assert.deepEqual([second.inserted, second.updated, second.unchanged, second.humanVotesWritten], [0, 0, 7152, 0]);
  const { rows: again } = await db.pool.query(
    `SELECT count(*)::int AS images, count(DISTINCT key)::int AS keys, (SELECT count(*)::int FROM human_votes) AS vote_rows FROM images WHERE dataset_id = 'ferplus'`,
  );
  assert.equal(again[0].images, 7152);
  assert.equal(again[0].keys, 7152);
});

test('FER+ faces link to the same faces of an imported FER2013 through ferplus_to_fer2013.csv', async (t) => {
  const ferplus = fixture(t, 'data', 'ferplus');
  const fer2013 = fixture(t, 'data', 'fer2013');
  if (ferplus === undefined || fer2013 === undefined) return;
  // 60 real FER+ faces, and a FER2013 Kaggle folder holding just the files they link to.
  const subset = ferplusSubset(ferplus, 60);
  const kaggle = mkdtempSync(path.join(tmpdir(), 'ferbench-fer2013-linked-'));
  try {
    const first = await importDataset(db.pool, { format: 'ferplus', root: subset.root, id: 'ferplus-linked' });
    const { rows: links } = await db.pool.query<{ label: string; file: string }>(
      `SELECT annotations->'fer2013'->>'label' AS label, annotations->'fer2013'->>'file' AS file FROM images WHERE dataset_id = 'ferplus-linked'`,
    );
    assert.equal(links.length, 60);
    for (const { label, file } of links) {
      mkdirSync(path.join(kaggle, 'test', label), { recursive: true });
      copyFileSync(path.join(fer2013, 'test', label, file), path.join(kaggle, 'test', label, file));
    }
    await importDataset(db.pool, { format: 'imagefolder', root: kaggle, id: 'fer2013-linked' });
    // The FER2013 image's key is test/<its label folder>/<its file>; FER+ test is FER2013's PrivateTest.
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS linked, count(*) FILTER (WHERE f.key LIKE 'test/%/PrivateTest_%')::int AS private_test
         FROM images p JOIN images f ON f.dataset_id = 'fer2013-linked'
          AND f.key = 'test/' || (p.annotations->'fer2013'->>'label') || '/' || (p.annotations->'fer2013'->>'file')
        WHERE p.dataset_id = 'ferplus-linked'`,
    );
    assert.deepEqual(rows[0], { linked: first.inserted, private_test: 60 });
  } finally {
    subset.cleanup();
    rmSync(kaggle, { recursive: true, force: true });
  }
});

test('FER+: a missing and a corrupt image are reported by name, a malformed vote row by line; the rest imports with its votes', async (t) => {
  const real = fixture(t, 'data', 'ferplus', 'FER2013Test');
  if (real === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-ferplus-'));
  try {
    mkdirSync(path.join(dir, 'FER2013Test'));
    for (const name of ['fer0032220.png', 'fer0032223.png']) copyFileSync(path.join(real, name), path.join(dir, 'FER2013Test', name));
    writeFileSync(path.join(dir, 'FER2013Test', 'fer0032225.png'), 'not a PNG');
    writeFileSync(
      path.join(dir, 'FER2013Test', 'label.csv'),
      [
        'fer0032220.png,"(0, 0, 48, 48)",0,0,0,0,2,1,0,7,0,0',
        'fer0032222.png,"(0, 0, 48, 48)",3,0,0,5,0,0,0,0,2,0',
        'fer0032223.png,"(0, 0, 48, 48)",6,0,1,2,0,0,0,0,1,0',
        'fer0032224.png,"(0, 0, 48, 48)",0,0,4,0,1,2,3,0',
        'fer0032225.png,"(0, 0, 48, 48)",0,0,0,0,9,0,1,0,0,0',
      ].join('\n'),
    );
    const summary = await importDataset(db.pool, { format: 'ferplus', root: dir, id: 'tiny-ferplus' });
    assert.deepEqual([summary.inserted, summary.humanVotesWritten], [2, 2]);
    const skipped = summary.skipped.map((s) => `${s.name}: ${s.reason}`).sort();
    assert.equal(skipped.length, 3);
    assert.match(skipped[0]!, /^FER2013Test\/fer0032222\.png: .*ENOENT/);
    assert.match(skipped[1]!, /^FER2013Test\/fer0032225\.png: /);
    assert.equal(skipped[2], 'FER2013Test/label.csv:4: expected 10 vote counts (neutral, happiness, surprise, sadness, anger, disgust, fear, contempt, unknown, NF), got 8, skipped: layout');
    assert.deepEqual(await votesOf('tiny-ferplus', 'FER2013Test/fer0032223.png'), { neutral: 6, sadness: 2, surprise: 1, unknown: 1 });
    assert.deepEqual(await votesOf('tiny-ferplus', 'FER2013Test/fer0032222.png'), {});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('FER+: a split folder without label.csv takes its votes from fer2013new.csv', async (t) => {
  const real = fixture(t, 'data', 'ferplus', 'FER2013Valid');
  if (real === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-ferplus-new-'));
  try {
    mkdirSync(path.join(dir, 'FER2013Valid'));
    for (const name of ['fer0028638.png', 'fer0028639.png']) copyFileSync(path.join(real, name), path.join(dir, 'FER2013Valid', name));
    writeFileSync(
      path.join(dir, 'fer2013new.csv'),
      [
        'Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF',
        'Training,fer0000000.png,4,0,0,1,3,2,0,0,0,0',
        'PublicTest,fer0028638.png,0,10,0,0,0,0,0,0,0,0',
        'PublicTest,,0,0,0,0,0,0,0,0,0,10',
        'PublicTest,fer0028639.png,1,0,0,0,0,0,0,0,2,7',
      ].join('\r\n'),
    );
    const summary = await importDataset(db.pool, { format: 'ferplus', root: dir, id: 'ferplus-new' });
    assert.deepEqual([summary.inserted, summary.humanVotesWritten, summary.skipped], [2, 2, []]);
    assert.deepEqual(countsByLabel(summary, 'valid'), { 'happiness:happiness': 1, 'NF:null': 1 });
    assert.deepEqual(await votesOf('ferplus-new', 'FER2013Valid/fer0028639.png'), { neutral: 1, unknown: 2, 'not-a-face': 7 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('FER+: a folder without any split folder is refused, naming what was looked for', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-ferplus-empty-'));
  try {
    await assert.rejects(importDataset(db.pool, { format: 'ferplus', root: dir, id: 'empty', split: 'test' }), {
      message: `not a FER+ folder: none of ${path.join(dir, 'FER2013Test')} exists (splits: train, valid, test)`,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
