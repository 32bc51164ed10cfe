import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { canonicalIndices, EMOTIONS, labelMapProblems } from '@ferbench/shared';
import { repoRoot, testDatabaseHooks } from '@ferbench/testkit';
import { AFFECTNET_LABELS } from './affectnet.format.js';
import { drawnFaceJpeg } from './drawn-face.js';
import { importDataset } from './import-dataset.js';

const db = testDatabaseHooks('runner_affectnet');
let root: string;
before(async () => {
  // The committed annotation files (AffectNet's own columns) with drawn faces where they point.
  root = mkdtempSync(path.join(tmpdir(), 'ferbench-affectnet-'));
  const fixtures = path.join(repoRoot(), 'packages', 'datasets', 'test-fixtures', 'affectnet');
  for (const file of ['training.csv', 'validation.csv']) copyFileSync(path.join(fixtures, file), path.join(root, file));
  const images = path.join(root, 'Manually_Annotated_Images');
  const faces = ['689/a1.jpg', '689/a2.jpg', '1035/b1.jpg', '1035/b2.jpg', '1035/b3.jpg', '1035/c1.jpg', '1035/c2.jpg', '38/d1.jpg', '38/d2.jpg'];
  for (const [i, face] of faces.entries()) {
    mkdirSync(path.dirname(path.join(images, face)), { recursive: true });
    writeFileSync(path.join(images, face), await drawnFaceJpeg(i + 1));
  }
  copyFileSync(path.join(images, '689/a1.jpg'), path.join(images, '38/d3.jpg')); // the same file under two names
  writeFileSync(path.join(images, '1035/corrupt.jpg'), Buffer.from('not a JPEG, whatever the name says'));
});
after(async () => {
  rmSync(root, { recursive: true, force: true });
});

test('AffectNet expression codes: 0–7 are the canonical emotions in order; 8 None, 9 Uncertain, 10 No-Face stay unmapped', () => {
  assert.deepEqual(labelMapProblems(AFFECTNET_LABELS, 'affectnet'), []);
  assert.deepEqual(canonicalIndices(AFFECTNET_LABELS), [0, 1, 2, 3, 4, 5, 6, 7, null, null, null]);
  assert.deepEqual(EMOTIONS.slice(), ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger', 'contempt']);
});

test('AffectNet annotation CSVs: counts per split and expression, face box, landmarks, valence/arousal kept; bad rows and files named; a re-import changes nothing', async () => {
  const summary = await importDataset(db.pool, { format: 'affectnet', root });
  assert.equal(summary.datasetId, 'affectnet');
  assert.equal(summary.inserted, 8);
  assert.deepEqual(
    summary.skipped.map((s) => (s.reason === 'layout' ? s.name : `${s.name}: ${s.reason.split(':')[0]}`)).sort(),
    [
      'Manually_Annotated_Images/1035/corrupt.jpg: Input buffer contains unsupported image format',
      'Manually_Annotated_Images/1035/missing.jpg: ENOENT',
      'training.csv:10: facial_landmarks: expected "x1;y1;x2;y2;…" (pairs of numbers), got 3 values, skipped',
      'training.csv:9: unknown expression "11" (expected 0–10), skipped',
    ],
  );
  assert.deepEqual(
    summary.counts.map((c) => `${c.split} ${c.labelRaw} ${c.emotion} ${c.count}`),
    ['train 0 neutral 1', 'train 1 happiness 1', 'train 7 contempt 1', 'train 10 null 1', 'train 8 null 1', 'validation 5 disgust 1', 'validation 6 anger 1', 'validation 9 null 1'],
  );
  assert.deepEqual(summary.duplicates, { any: 2, withinDataset: 2, acrossDatasets: 0, otherDatasets: [] });

  const { rows } = await db.pool.query<{ key: string; annotations: Record<string, unknown>; width: number }>(
    `SELECT key, annotations, width FROM images WHERE dataset_id = 'affectnet' ORDER BY key`,
  );
  const a1 = rows.find((r) => r.key === 'Manually_Annotated_Images/689/a1.jpg')!;
  const landmarks = a1.annotations.landmarks as number[];
  assert.equal(landmarks.length, 136, '68 points, x and y, flat as published');
  assert.deepEqual(landmarks.slice(0, 4), [104.37, 63.79, 104.2, 68.22]);
  assert.deepEqual({ ...a1.annotations, landmarks: undefined }, { faceBox: { x: 10, y: 12, width: 100, height: 100 }, landmarks: undefined, valence: 0.0952381, arousal: -0.0555556 });
  assert.equal(a1.width, 96);
  const none = rows.find((r) => r.key === 'Manually_Annotated_Images/1035/b3.jpg')!;
  assert.deepEqual(none.annotations, { faceBox: { x: 0, y: 0, width: 128, height: 128 }, landmarks: [], valence: null, arousal: null });

  const again = await importDataset(db.pool, { format: 'affectnet', root });
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 8]);
  const validation = await importDataset(db.pool, { format: 'affectnet', root, id: 'affectnet-val', split: 'validation' });
  assert.deepEqual([validation.inserted, validation.skipped.length], [3, 0]);
  assert.deepEqual(validation.duplicates, { any: 3, withinDataset: 0, acrossDatasets: 3, otherDatasets: ['affectnet'] });
});

test('a folder without AffectNet annotation files, or a CSV without its columns, is refused by name', async () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'ferbench-affectnet-empty-'));
  try {
    await assert.rejects(importDataset(db.pool, { format: 'affectnet', root: empty, id: 'x' }), {
      message: `not an AffectNet folder: no ${path.join(empty, 'training.csv')} or ${path.join(empty, 'validation.csv')} (splits: train, validation)`,
    });
    writeFileSync(path.join(empty, 'training.csv'), 'subDirectory_filePath,expression\n0/a.jpg,1\n');
    await assert.rejects(importDataset(db.pool, { format: 'affectnet', root: empty, id: 'x' }), {
      message: `${path.join(empty, 'training.csv')}:1: the header lacks face_x, face_y, face_width, face_height, facial_landmarks, valence, arousal (expected subDirectory_filePath,face_x,face_y,face_width,face_height,facial_landmarks,expression,valence,arousal)`,
    });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
