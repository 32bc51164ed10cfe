import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { installZoo, loadZooManifest } from '@ferbench/models';
import { fer2013Subset, fixture, testDatabaseHooks } from '@ferbench/testkit';
import pg from 'pg';
import { runModels } from './run-models.js';

const db = testDatabaseHooks('runs_group');
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-group-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

// Two 64×64 grey [-1, 1] models (one group), MobileFaceNet plain and aligned (same ONNX, different crop: two groups).
const MODELS = ['mini-xception-102', 'gear-emodel', 'mobilefacenet-int8', 'mobilefacenet-int8-aligned'];
const PER_LABEL = 4;

type Prediction = { model_id: string; key: string; label: number; probs: (number | null)[] };

async function predictions(datasetId: string): Promise<Map<string, Prediction>> {
  const { rows } = await db.pool.query<Prediction>(
    `SELECT p.model_id, i.key, p.label, p.probs FROM predictions p JOIN images i ON i.id = p.image_id WHERE i.dataset_id = $1 ORDER BY 1, 2`,
    [datasetId],
  );
  return new Map(rows.map((r) => [`${r.model_id} ${r.key}`, r]));
}

async function failures(datasetId: string): Promise<string[]> {
  const { rows } = await db.pool.query<{ k: string }>(
    `SELECT f.model_id || ' ' || i.key || ': ' || f.error AS k FROM prediction_failures f JOIN images i ON i.id = f.image_id WHERE i.dataset_id = $1 ORDER BY 1`,
    [datasetId],
  );
  return rows.map((r) => r.k);
}

function assertSamePredictions(grouped: Map<string, Prediction>, solo: Map<string, Prediction>): void {
  assert.deepEqual([...grouped.keys()], [...solo.keys()]);
  for (const [key, p] of grouped) {
    const q = solo.get(key) as Prediction;
    assert.equal(p.label, q.label, key);
    p.probs.forEach((v, c) => assert.ok(v === q.probs[c] || Math.abs((v as number) - (q.probs[c] as number)) <= 1e-6, `${key} class ${c}: ${v} vs ${q.probs[c]}`));
  }
}

test('run --models all: models sharing a preprocessing are fed one decoded batch and predict what they predict one at a time; a partial run resumes', { timeout: 180_000 }, async (t) => {
  const models = fixture(t, 'models');
  const fer2013 = fixture(t, 'data', 'fer2013');
  const detectors = fixture(t, 'detectors');
  if (models === undefined || fer2013 === undefined || detectors === undefined) return;
  const installed = await installZoo(db.pool, { modelsDir: models, dataDir: dir, ids: MODELS, manifest: await loadZooManifest() });
  assert.deepEqual(installed.map((r) => r.status), MODELS.map(() => 'installed'));
  const subset = fer2013Subset(fer2013, dir, PER_LABEL);
  await importDataset(db.pool, { format: 'imagefolder', root: subset, id: 'solo' });
  await importDataset(db.pool, { format: 'imagefolder', root: subset, id: 'grouped' });
  await importDataset(db.pool, { format: 'imagefolder', root: subset, id: 'at-once' });
  const options = { models: MODELS, modelsDir: dir, detectorsDir: detectors, device: 'cpu', batchSize: 8, chunkSize: 5, progress: false, refreshEnsembles: false } as const;

  // Detections are cached (rounded as stored) by image sha256: fill the cache first, so both runs align alike.
  await importDataset(db.pool, { format: 'imagefolder', root: subset, id: 'warm' });
  await runModels(db.pool, { ...options, models: ['mobilefacenet-int8-aligned'], datasets: ['warm'] });
  const solo = await runModels(db.pool, { ...options, datasets: ['solo'], shareBatches: false });
  const lines: string[] = [];
  const grouped = await runModels(db.pool, { ...options, datasets: ['grouped'], log: (line) => lines.push(line) });
  assert.deepEqual(grouped.map((s) => [s.modelId, s.status, s.predicted + s.failed]), MODELS.map((id) => [id, 'done', 7 * PER_LABEL]));
  assert.deepEqual(grouped.map((s) => s.group), [['mini-xception-102', 'gear-emodel'], ['mini-xception-102', 'gear-emodel'], ['mobilefacenet-int8'], ['mobilefacenet-int8-aligned']]);
  assert.deepEqual(solo.map((s) => s.group), MODELS.map((id) => [id]));
  assert.ok(lines.some((l) => l.startsWith(`mini-xception-102, gear-emodel on grouped: ${7 * PER_LABEL} images to predict, decoded once for 2 models`)), lines.join('\n'));
  assert.deepEqual(grouped.map((s) => [s.predicted, s.failed]), solo.map((s) => [s.predicted, s.failed]));
  const soloPredictions = await predictions('solo');
  assert.equal(soloPredictions.size, solo.reduce((n, s) => n + s.predicted, 0));
  assertSamePredictions(await predictions('grouped'), soloPredictions);
  assert.deepEqual(await failures('grouped'), await failures('solo'));
  const labels = new Set([...soloPredictions.values()].filter((p) => p.model_id === 'gear-emodel').map((p) => p.label));
  assert.ok(labels.size >= 3, 'the faces get several labels, so equal predictions mean something');

  // The same, with the group's models on worker threads run at the same time (the default where cores allow).
  const atOnceLines: string[] = [];
  const atOnce = await runModels(db.pool, { ...options, datasets: ['at-once'], concurrentModels: true, log: (line) => atOnceLines.push(line) });
  assert.deepEqual(atOnce.map((s) => [s.modelId, s.status, s.predicted, s.failed]), solo.map((s) => [s.modelId, 'done', s.predicted, s.failed]));
  assert.ok(atOnceLines.some((l) => /^mini-xception-102, gear-emodel on at-once: .*decoded once for 2 models, run at once \(\d+ thread\(s\) each\)/.test(l)), atOnceLines.join('\n'));
  assertSamePredictions(await predictions('at-once'), soloPredictions);
  assert.deepEqual(await failures('at-once'), await failures('solo'));

  // Resume: gear-emodel lost 5 predictions and mini-xception-102 the first 3 others (an interrupted run); the group
  // predicts exactly those again, each model only its own.
  await db.pool.query(`DELETE FROM predictions WHERE model_id = 'gear-emodel' AND image_id IN (SELECT id FROM images WHERE dataset_id = 'grouped' ORDER BY id LIMIT 5)`);
  await db.pool.query(`DELETE FROM predictions WHERE model_id = 'mini-xception-102' AND image_id IN (SELECT id FROM images WHERE dataset_id = 'grouped' ORDER BY id DESC LIMIT 3)`);
  const resumed = await runModels(db.pool, { ...options, datasets: ['grouped'] });
  assert.deepEqual(resumed.map((s) => [s.modelId, s.status, s.pending, s.predicted]), [
    ['mini-xception-102', 'done', 3, 3],
    ['gear-emodel', 'done', 5, 5],
    ['mobilefacenet-int8', 'up-to-date', 0, 0],
    // aligned: the faces YuNet does not find are tried again, and again have none
    ['mobilefacenet-int8-aligned', solo[3]?.failed ? 'done' : 'up-to-date', solo[3]?.failed ?? 0, 0],
  ]);
  assertSamePredictions(await predictions('grouped'), soloPredictions);
});

test('a group larger than the connection pool runs (in pool-sized parts) instead of waiting for a connection forever', { timeout: 120_000 }, async (t) => {
  const models = fixture(t, 'models');
  const fer2013 = fixture(t, 'data', 'fer2013');
  if (models === undefined || fer2013 === undefined) return;
  // Three 64×64 grey [-1, 1] models: one preprocessing group; a pool of 2 connections leaves room for one member.
  const trio = ['mini-xception-102', 'gear-emodel', 'big-xception-54'];
  await installZoo(db.pool, { modelsDir: models, dataDir: dir, ids: trio, manifest: await loadZooManifest() });
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(fer2013, path.join(dir, 'small'), 1), id: 'small-pool' });
  const small = new pg.Pool({ connectionString: db.url, max: 2 });
  t.after(() => small.end());
  const runs = await runModels(small, { datasets: ['small-pool'], models: trio, modelsDir: models, device: 'cpu', progress: false, refreshEnsembles: false });
  assert.deepEqual(runs.map((r) => [r.modelId, r.status, r.predicted]), trio.map((id) => [id, 'done', 7]));
});
