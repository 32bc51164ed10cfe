import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { installZoo, loadZooManifest } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { pgRows } from '@ferbench/scores';
import { createTestDatabase, fixture, fer2013Subset } from '@ferbench/testkit';
import { zooScores } from '../report/zoo-scores.js';

const PER_LABEL = 60;

/**
 * Every FER2013-trained zoo model, converted and run exactly as `ferbench zoo install` and `ferbench run` do, reaches
 * 0.50 on the same 420 FER2013 test faces (60 per emotion); their authors report about 0.65, so far less would mean
 * a preprocessing or conversion bug.
 */
test('every FER2013-trained zoo model scores at least 0.50 on 420 FER2013 test faces', { timeout: 180_000 }, async (t) => {
  const models = fixture(t, 'models');
  const fer2013 = fixture(t, 'data', 'fer2013');
  if (models === undefined || fer2013 === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-zoo-accuracy-'));
  const testDb = await createTestDatabase('runner_zoo_accuracy');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const manifest = await loadZooManifest();
  const ids = manifest.models.filter((m) => m.card.trainingData.startsWith('FER2013')).map((m) => m.card.id);
  assert.deepEqual(ids, ['mini-xception-102', 'mini-xception-119', 'big-xception-54', 'simple-cnn-fer2013', 'gear-emodel']);

  const installed = await installZoo(db.pool, { modelsDir: models, dataDir: dir, ids, manifest });
  assert.deepEqual(installed.map((r) => [r.id, r.status]), ids.map((id) => [id, 'installed']));
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, dir, PER_LABEL), id: 'fer2013-420' });
  const runs = await runModels(db.pool, { datasets: ['fer2013-420'], models: ids, modelsDir: models, device: 'cpu' });
  assert.deepEqual(runs.map((r) => [r.modelId, r.predicted]), ids.map((id) => [id, 7 * PER_LABEL]));

  const scores = await zooScores(pgRows(db.pool), manifest, ['fer2013-420']);
  assert.deepEqual(scores.models.map((m) => m.id), ids);
  for (const m of scores.models) {
    const s = m.scores['fer2013-420']!;
    t.diagnostic(`${m.id}: accuracy ${s.accuracy?.toFixed(3)}, macro-F1 ${s.macroF1?.toFixed(3)}, n ${s.n}`);
    assert.equal(s.n, 7 * PER_LABEL);
    assert.ok(s.accuracy! >= 0.5, `${m.id}: accuracy ${s.accuracy} < 0.50 on ${s.n} FER2013 test faces`);
  }
});
