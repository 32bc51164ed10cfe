import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { SUITES, readModelCard, resolveSuite } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { fer2013Subset, fixture, testDatabaseHooks } from '@ferbench/testkit';
import { NO_FACE } from '../run-faces.js';
import { runModels } from '../run-models.js';
import { runRobustness } from './run-robustness.js';

const db = testDatabaseHooks('runs_robustness');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-robustness-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Row {
  model_id: string;
  image_id: string;
  label: number;
  probs: number[];
  raw: number[];
}

// 21 real FER2013 faces (3 per emotion), a grey whole-image model and the aligned RGB MobileFaceNet.
const CARDS = ['mini-xception-119.json', 'mobilefacenet-int8-aligned.json'];

test('identity perturbations reproduce the clean predictions exactly; hflip and the mask move them; a second run is up to date', { timeout: 180_000 }, async (t) => {
  const fer = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (fer === undefined || models === undefined || detectors === undefined) return;
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer, dir, 3), id: 'mini' });
  const ids: string[] = [];
  for (const name of CARDS) {
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, name));
    await addModel(db.pool, { onnxFile: path.join(models, card.file), card });
    ids.push(card.id);
  }
  const options = { datasets: ['mini'], models: ids, modelsDir: models, detectorsDir: detectors, device: 'cpu', batchSize: 8, workers: 1, progress: false } as const;
  await runModels(db.pool, options);

  const suite = [...resolveSuite('identity'), ...resolveSuite('hflip;mask(kind=surgical)')];
  const first = await runRobustness(db.pool, { ...options, perturbations: suite });
  assert.equal(first.length, ids.length * suite.length);
  assert.ok(first.every((s) => s.images === 21 && s.pending === 21 && s.predicted + s.failed === 21), JSON.stringify(first));

  const clean = (await db.pool.query<Row>('SELECT model_id, image_id, label, probs, raw FROM predictions ORDER BY model_id, image_id')).rows;
  const { rows: noFace } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM face_detections WHERE face_count = 0`);
  const faceless = Number(noFace[0]?.n);
  assert.equal(clean.length, ids.length * 21 - faceless, 'the aligned model predicts only faces');
  for (const text of SUITES['identity'] ?? []) {
    const { rows } = await db.pool.query<Row>(
      'SELECT model_id, image_id, label, probs, raw FROM perturbed_predictions WHERE perturbation = $1 AND error IS NULL ORDER BY model_id, image_id',
      [text],
    );
    const differ = clean.filter((c, i) => JSON.stringify(c) !== JSON.stringify(rows[i])).map((c) => `${c.model_id}:${c.image_id}`);
    assert.equal(rows.length, clean.length, `${text}: as many predictions as the clean run`);
    assert.deepEqual(differ, [], `${text}: the same labels, probabilities and raw outputs as the clean run`);
  }

  const under = async (perturbation: string) =>
    (await db.pool.query<Row & { error: string | null }>('SELECT model_id, image_id, label, probs, raw, error FROM perturbed_predictions WHERE perturbation = $1 ORDER BY model_id, image_id', [perturbation])).rows;
  const moved = (rows: readonly Row[]) => rows.filter((r) => { const c = clean.find((x) => x.model_id === r.model_id && x.image_id === r.image_id); return c !== undefined && c.probs.some((p, i) => p !== r.probs[i]); }).length;
  const flipped = (await under('hflip')).filter((r) => r.error === null);
  assert.equal(moved(flipped), flipped.length, 'a mirrored face changes every probability vector');
  // The mask needs a face even for the whole-image model: the faceless images fail for both models, by name.
  const masked = await under('mask(kind=surgical)');
  const failed = masked.filter((r) => r.error !== null);
  assert.equal(failed.length, ids.length * faceless);
  assert.ok(failed.every((r) => r.error === NO_FACE), JSON.stringify(failed));
  assert.equal(moved(masked.filter((r) => r.error === null)), masked.length - failed.length);

  const second = await runRobustness(db.pool, { ...options, perturbations: suite });
  assert.ok(
    second.every((s) => s.pending === (s.perturbation === 'mask(kind=surgical)' || s.modelId === 'mobilefacenet-int8-aligned' ? faceless : 0) && s.predicted === 0),
    `only the faceless images are tried again: ${JSON.stringify(second.map((s) => [s.modelId, s.perturbation, s.pending, s.predicted]))}`,
  );
});

test('an unknown model or dataset is refused, naming it and the registered ones', async () => {
  await assert.rejects(runRobustness(db.pool, { datasets: ['nope'], models: 'all', perturbations: [], modelsDir: '/x', device: 'cpu' }), /unknown dataset\(s\) nope \(registered: /);
});
