import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { fer2013Subset, fixture, testDatabaseHooks } from '@ferbench/testkit';
import { runModels } from './run-models.js';

const db = testDatabaseHooks('runs_reregister');

const miniCard = () => readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));

test('re-registering with other preprocessing drops the predictions made the old way; a change of notes keeps them', { timeout: 60_000 }, async (t) => {
  const models = fixture(t, 'models');
  const fer2013 = fixture(t, 'data', 'fer2013');
  if (models === undefined || fer2013 === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-stale-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const card = await miniCard();
  const onnxFile = path.join(models, card.file);
  await addModel(db.pool, { onnxFile, card });
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, dir, 1), id: 'stale-check' });
  const [run] = await runModels(db.pool, { datasets: ['stale-check'], models: [card.id], modelsDir: models, device: 'cpu' });
  assert.equal(run?.predicted, 7);
  const notes = await addModel(db.pool, { onnxFile, card: { ...card, notes: `${card.notes ?? ''} (reworded)` } });
  assert.deepEqual([notes.outcome, notes.stalePredictionsRemoved], ['updated', 0]);
  const rescaled = await addModel(db.pool, { onnxFile, card: { ...card, input: { ...card.input, mean: [0], std: [1] } } });
  assert.deepEqual([rescaled.outcome, rescaled.stalePredictionsRemoved], ['updated', 7]);
  await addModel(db.pool, { onnxFile, card });
});
