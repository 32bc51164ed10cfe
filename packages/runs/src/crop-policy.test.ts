import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { YUNET, readModelCard } from '@ferbench/inference';
import { addModel, SHIPPED_CARDS_DIR } from '@ferbench/models';
import type { ModelCard } from '@ferbench/shared';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import sharp from 'sharp';
import { NO_FACE } from './run-faces.js';
import { runModels } from './run-models.js';

const db = testDatabaseHooks('runner_crop_policy');
let dir: string;
before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-crop-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const FACES = 24;

test('muxspace photos end to end: import legend.csv, detect once, align / crop / none policies, "no face detected" recorded', { timeout: 120_000 }, async (t) => {
  const sample = fixture(t, 'data', 'muxspace-sample');
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (sample === undefined || models === undefined || detectors === undefined) return;

  // A muxspace layout: the legend's first FACES rows (mixed-case labels) as published, plus one photo of a wall.
  const rows = readFileSync(path.join(sample, 'data', 'legend.csv'), 'utf8').trim().split('\n').slice(1, FACES + 1);
  mkdirSync(path.join(dir, 'data'));
  mkdirSync(path.join(dir, 'images'));
  for (const row of rows) {
    const image = row.split(',')[1] as string;
    symlinkSync(path.join(sample, 'images', image), path.join(dir, 'images', image));
  }
  await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 180, g: 170, b: 150 } } }).jpeg().toFile(path.join(dir, 'images', 'wall.jpg'));
  writeFileSync(path.join(dir, 'data', 'legend.csv'), ['user.id,image,emotion', ...rows, 'test,wall.jpg,NEUTRAL'].join('\n'));
  const imported = await importDataset(db.pool, { format: 'muxspace', root: dir, id: 'mux' });
  assert.equal(imported.inserted, FACES + 1);
  const { rows: labelled } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM images WHERE dataset_id = 'mux' AND gold_label IS NOT NULL`);
  assert.equal(labelled[0]?.n, String(FACES + 1), 'every spelling (ANGER, anger…) has its emotion');

  // The shipped plain and aligned MobileFaceNet cards, and a detect-and-crop variant with a margin.
  const onnx = (card: ModelCard) => path.join(models, card.file);
  const plain = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mobilefacenet-int8.json'));
  const aligned = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mobilefacenet-int8-aligned.json'));
  const cropped: ModelCard = { ...plain, id: 'mobilefacenet-int8-cropped', version: 'crop-test', input: { ...plain.input, crop: 'detect', margin: 0.1 } };
  for (const card of [plain, aligned, cropped]) await addModel(db.pool, { onnxFile: onnx(card), card });
  const { rows: same } = await db.pool.query<{ n: string }>(`SELECT count(DISTINCT id) AS n FROM models WHERE sha256 = $1`, [plain.sha256]);
  assert.equal(same[0]?.n, '3', 'one ONNX file registered under three ids');

  const lines: string[] = [];
  const options = { datasets: ['mux'], modelsDir: models, detectorsDir: detectors, device: 'cpu', batchSize: 8, workers: 1, progress: false, log: (l: string) => lines.push(l) } as const;
  const [alignedRun] = await runModels(db.pool, { ...options, models: [aligned.id] });
  const [croppedRun, plainRun] = await runModels(db.pool, { ...options, models: [cropped.id, plain.id] });

  // Detected once per image (the second crop model reuses every detection), the wall as "no face".
  const { rows: detections } = await db.pool.query<{ image_sha256: string; detector_id: string; detector_sha256: string; face_count: number; score: number | null; box: number[] | null; landmarks: number[] | null }>(
    'SELECT * FROM face_detections',
  );
  assert.equal(detections.length, FACES + 1);
  assert.ok(detections.every((d) => d.detector_id === YUNET.id && d.detector_sha256 === YUNET.sha256));
  const wall = await db.pool.query<{ sha256: string }>(`SELECT sha256 FROM images WHERE key = 'images/wall.jpg'`);
  const noFace = detections.filter((d) => d.face_count === 0);
  assert.deepEqual(noFace.map((d) => [d.image_sha256, d.score, d.box, d.landmarks]), [[wall.rows[0]?.sha256, null, null, null]]);
  const withFace = detections.filter((d) => d.face_count > 0);
  assert.ok(withFace.length >= FACES - 1, `faces in ${withFace.length} of ${FACES} photos`);
  for (const d of withFace) {
    assert.ok((d.score as number) >= YUNET.scoreThreshold && (d.box as number[])[2]! > 50, JSON.stringify(d));
    assert.equal(d.landmarks?.length, 10);
  }
  assert.ok(lines.some((l) => l.includes(`${aligned.id} on mux: crop "align": faces in ${withFace.length} of ${FACES + 1} images (${FACES + 1} detected now, 0 from the cache), ${FACES + 1 - withFace.length} without`)), lines.join('\n'));
  assert.ok(lines.some((l) => l.includes(`${cropped.id} on mux: crop "detect": faces in ${withFace.length} of ${FACES + 1} images (0 detected now, ${FACES + 1} from the cache)`)), lines.join('\n'));

  // Crop models: a prediction for each face, "no face detected" for the rest; the plain model predicts all.
  for (const run of [alignedRun, croppedRun]) assert.deepEqual([run?.status, run?.predicted, run?.failed], ['done', withFace.length, FACES + 1 - withFace.length]);
  assert.deepEqual([plainRun?.status, plainRun?.predicted, plainRun?.failed], ['done', FACES + 1, 0]);
  const { rows: failures } = await db.pool.query<{ model_id: string; key: string; error: string }>(
    'SELECT f.model_id, i.key, f.error FROM prediction_failures f JOIN images i ON i.id = f.image_id ORDER BY 1, 2',
  );
  assert.ok(failures.some((f) => f.model_id === aligned.id && f.key === 'images/wall.jpg' && f.error === NO_FACE));
  assert.ok(failures.every((f) => f.error === NO_FACE && f.model_id !== plain.id));

  // Aligned, the same file sees other pixels than stretched or cropped: its probabilities differ on every face.
  // (A box grown by 10 % covers most of these 350×350 heads, so crop and none can coincide once clipped.)
  const { rows: probs } = await db.pool.query<{ image_id: string; model_id: string; probs: (number | null)[] }>('SELECT image_id, model_id, probs FROM predictions');
  const byImage = new Map<string, Map<string, string>>();
  for (const p of probs) byImage.set(p.image_id, (byImage.get(p.image_id) ?? new Map()).set(p.model_id, JSON.stringify(p.probs)));
  for (const [image, m] of byImage) {
    if (!m.has(aligned.id)) continue;
    assert.notEqual(m.get(aligned.id), m.get(plain.id), `image ${image}`);
    assert.notEqual(m.get(aligned.id), m.get(cropped.id), `image ${image}`);
  }

  // A second run tries the no-face image again, detects nothing anew, and records the same failure.
  lines.length = 0;
  const [again] = await runModels(db.pool, { ...options, models: [aligned.id] });
  assert.deepEqual([again?.pending, again?.predicted, again?.failed], [FACES + 1 - withFace.length, 0, FACES + 1 - withFace.length]);
  assert.ok(lines.some((l) => l.includes('(0 detected now, ')), lines.join('\n'));
});

test('a crop card without the detector file fails its run naming the file', async (t) => {
  const models = fixture(t, 'models');
  if (models === undefined) return;
  // an image no detector has seen yet
  const fresh = path.join(dir, 'fresh');
  mkdirSync(path.join(fresh, 'images'), { recursive: true });
  mkdirSync(path.join(fresh, 'data'));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 1, g: 2, b: 3 } } }).png().toFile(path.join(fresh, 'images', 'new.png'));
  writeFileSync(path.join(fresh, 'data', 'legend.csv'), 'user.id,image,emotion\nx,new.png,Fear\n');
  await importDataset(db.pool, { format: 'muxspace', root: fresh, id: 'fresh' });
  const aligned = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mobilefacenet-int8-aligned.json'));
  await addModel(db.pool, { onnxFile: path.join(models, aligned.file), card: aligned });
  const [run] = await runModels(db.pool, { datasets: ['fresh'], models: [aligned.id], modelsDir: models, detectorsDir: path.join(dir, 'no-detectors'), device: 'cpu', progress: false });
  assert.equal(run?.status, 'failed');
  assert.match(run?.error ?? '', /face detector yunet-2023mar: .*no-detectors\/yunet-2023mar\/yunet_s_dynamic\.onnx cannot be read \(FERBENCH_DETECTORS .*no-detectors\)/);
});
