import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { poolDatabase } from '@ferbench/db';
import { resolveSuite } from '@ferbench/inference';
import { loadZooManifest } from '@ferbench/models';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { loadConfig } from '../config.js';
import { bootstrap } from './bootstrap.js';

test('bootstrap: without datasets it says how to add them; with them it imports, installs the zoo and runs every model, resumably; FERBENCH_ROBUSTNESS=1 adds the default suite', { timeout: 300_000 }, async (t) => {
  const shared = fixture(t, 'data');
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (shared === undefined || models === undefined || detectors === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-bootstrap-'));
  const testDb = await createTestDatabase('runner_bootstrap');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const dataDir = path.join(dir, 'var');
  const empty = loadConfig({ DATABASE_URL: testDb.url, FERBENCH_DATASETS: path.join(dir, 'none'), FERBENCH_MODELS: models, FERBENCH_DETECTORS: detectors, FERBENCH_DATA_DIR: dataDir });
  const nothing = await bootstrap(db.pool, empty);
  const zoo = (await loadZooManifest()).models.flatMap((m) => [m.card.id, ...(m.variants ?? []).map((v) => v.id)]).sort();
  assert.deepEqual([nothing.datasets.length, nothing.models.filter((m) => m.status === 'installed').length, nothing.runs.length], [0, zoo.length, 0]);
  assert.match(nothing.help ?? '', /No dataset found under FERBENCH_DATASETS=.*ferbench dataset import/s);
  assert.doesNotMatch(nothing.help ?? '', /No zoo model/);

  // A miniature of the known layouts: 3 FER2013 faces per label for two labels, 4 RAF-DB faces, 2 uncropped JAFFE TIFFs.
  const datasets = path.join(dir, 'data');
  for (const label of ['fear', 'surprise']) {
    mkdirSync(path.join(datasets, 'fer2013', 'test', label), { recursive: true });
    for (const name of readdirSync(path.join(shared, 'fer2013', 'test', label)).sort().slice(0, 3))
      copyFileSync(path.join(shared, 'fer2013', 'test', label, name), path.join(datasets, 'fer2013', 'test', label, name));
  }
  const raf = path.join(datasets, 'rafdb', 'basic');
  mkdirSync(path.join(raf, 'EmoLabel'), { recursive: true });
  mkdirSync(path.join(raf, 'Image', 'aligned'), { recursive: true });
  writeFileSync(path.join(raf, 'EmoLabel', 'list_patition_label.txt'), ['test_0001.jpg 5', 'test_0002.jpg 1', 'test_0003.jpg 4', 'test_0004.jpg 1', ''].join('\n'));
  for (const n of ['0001', '0002', '0003', '0004'])
    copyFileSync(path.join(shared, 'rafdb', 'basic', 'Image', 'aligned', `test_${n}_aligned.jpg`), path.join(raf, 'Image', 'aligned', `test_${n}_aligned.jpg`));

  const jaffe = path.join(datasets, 'jaffe');
  mkdirSync(path.join(jaffe, 'images'), { recursive: true });
  copyFileSync(path.join(shared, 'jaffe', 'JAFFE_semantic_ratings.txt'), path.join(jaffe, 'JAFFE_semantic_ratings.txt'));
  for (const name of ['KA.AN1.39.tiff', 'KL.HA1.158.tiff']) copyFileSync(path.join(shared, 'jaffe', 'images', name), path.join(jaffe, 'images', name));

  const config = loadConfig({ DATABASE_URL: testDb.url, FERBENCH_DATASETS: datasets, FERBENCH_MODELS: models, FERBENCH_DETECTORS: detectors, FERBENCH_DATA_DIR: dataDir });
  const first = await bootstrap(db.pool, config);
  assert.equal(first.help, undefined);
  assert.deepEqual(first.datasets.map((d) => [d.datasetId, d.inserted]), [['fer2013', 6], ['rafdb', 4], ['jaffe', 2]]);
  assert.equal(first.datasets[2]?.humanRatingsWritten, 2);
  // The zoo was installed by the first call already: nothing new to register.
  assert.deepEqual(first.models.map((m) => m.status === 'installed' && m.outcome), Array(zoo.length).fill('unchanged'));
  assert.deepEqual(
    first.runs.map((r) => [r.datasetId, r.modelId, r.status, r.predicted, r.failed]),
    [...zoo.map((id) => ['fer2013', id, 'done', 6, 0]), ...zoo.map((id) => ['jaffe', id, 'done', 2, 0]), ...zoo.map((id) => ['rafdb', id, 'done', 4, 0])],
  );

  const progress = await db.pool.query<{ phase: string; detail: string; finished: boolean }>(
    'SELECT phase, detail, finished_at IS NOT NULL AS finished FROM bootstrap_progress',
  );
  assert.deepEqual(progress.rows, [{ phase: 'done', detail: `${zoo.length * 3} runs, 0 failed`, finished: true }], 'the status page can read how the bootstrap ended');

  const second = await bootstrap(db.pool, config);
  assert.deepEqual(second.datasets.map((d) => [d.inserted, d.unchanged]), [[0, 6], [0, 4], [0, 2]]);
  assert.deepEqual(second.models.map((m) => m.status === 'installed' && m.outcome), Array(zoo.length).fill('unchanged'));
  assert.ok(second.runs.every((r) => r.status === 'up-to-date' && r.runId === null));
  const { rows } = await db.pool.query<{ ensemble: boolean; n: string }>(`SELECT coalesce(card->>'kind' = 'ensemble', false) AS ensemble, count(*) AS n FROM predictions JOIN models m ON m.id = model_id GROUP BY 1 ORDER BY 1`);
  // zoo-mean and zoo-vote over the 6 + 4 + 2 faces every zoo model predicted, computed after the first runs
  assert.deepEqual(rows.map((r) => [r.ensemble, r.n]), [[false, String(zoo.length * 12)], [true, '24']]);
  assert.deepEqual([first.robustness, second.robustness], [[], []], 'no perturbations unless FERBENCH_ROBUSTNESS=1');

  // FERBENCH_ROBUSTNESS=1: the default suite with every model on both datasets, every 3rd image (2 + 2 faces).
  const robust = await bootstrap(db.pool, loadConfig({ DATABASE_URL: testDb.url, FERBENCH_DATASETS: datasets, FERBENCH_MODELS: models, FERBENCH_DETECTORS: detectors, FERBENCH_DATA_DIR: dataDir, FERBENCH_ROBUSTNESS: '1', FERBENCH_ROBUSTNESS_EVERY: '3' }));
  const suite = resolveSuite('default').map((p) => p.canonical);
  assert.equal(robust.robustness.length, 2 * zoo.length * suite.length);
  for (const s of robust.robustness) assert.deepEqual([s.images, s.pending, s.predicted + s.failed], [2, 2, 2], JSON.stringify(s));
  const stored = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM perturbed_predictions');
  assert.equal(stored.rows[0]?.n, String(zoo.length * suite.length * 4));
});
