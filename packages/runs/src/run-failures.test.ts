import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { runModels } from './run-models.js';

test('an image that cannot be decoded is recorded as a failure; every other image is predicted by every shipped model', { timeout: 120_000 }, async (t) => {
  const raf = fixture(t, 'data', 'rafdb', 'basic', 'Image', 'aligned');
  const models = fixture(t, 'models');
  if (raf === undefined || models === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-run-'));
  const testDb = await createTestDatabase('runner_failures');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  // 12 real RAF-DB faces in an image folder, and one JPEG cut in half: its header (so the import) is fine, its
  // pixels are not.
  const names = readdirSync(raf).sort().slice(0, 12);
  mkdirSync(path.join(dir, 'test', 'happy'), { recursive: true });
  for (const name of names) copyFileSync(path.join(raf, name), path.join(dir, 'test', 'happy', name));
  const whole = readFileSync(path.join(raf, names[0] as string));
  writeFileSync(path.join(dir, 'test', 'happy', 'truncated.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
  const imported = await importDataset(db.pool, { format: 'imagefolder', root: dir, id: 'tiny' });
  assert.equal(imported.inserted, 13);
  for (const file of shippedCardFiles()) await addModel(db.pool, { onnxFile: path.join(models, (await readModelCard(file)).file), card: file });

  const options = { datasets: ['tiny'], models: 'all', modelsDir: models, device: 'cpu', batchSize: 5, chunkSize: 4, progress: false } as const;
  const first = await runModels(db.pool, options);
  assert.deepEqual(
    first.map((s) => [s.modelId, s.status, s.predicted, s.failed]),
    [
      ['mini-xception-119', 'done', 12, 1],
      ['mobilefacenet-int8', 'done', 12, 1],
      // aligned: the truncated JPEG already fails at face detection, with the same decoder error
      ['mobilefacenet-int8-aligned', 'done', 12, 1],
    ],
  );
  const { rows: failures } = await db.pool.query<{ model_id: string; key: string; error: string }>(
    'SELECT f.model_id, i.key, f.error FROM prediction_failures f JOIN images i ON i.id = f.image_id ORDER BY 1',
  );
  assert.deepEqual(failures.map((f) => [f.model_id, f.key]), [
    ['mini-xception-119', 'test/happy/truncated.jpg'],
    ['mobilefacenet-int8', 'test/happy/truncated.jpg'],
    ['mobilefacenet-int8-aligned', 'test/happy/truncated.jpg'],
  ]);
  for (const f of failures) assert.match(f.error, /cannot decode JPEG/);
  const { rows: probs } = await db.pool.query<{ probs: (number | null)[]; raw: number[] }>(`SELECT probs, raw FROM predictions WHERE model_id = 'mobilefacenet-int8'`);
  for (const p of probs) {
    assert.equal(p.probs[7], null);
    assert.ok(Math.abs((p.probs.slice(0, 7) as number[]).reduce((a, b) => a + b, 0) - 1) < 1e-5, 'softmax of the logits');
    assert.ok(p.raw.some((v) => v < 0 || v > 1), 'raw keeps the logits');
  }

  // A second run tries the failed image again (and only it), and still keeps one row per (model, image).
  const second = await runModels(db.pool, options);
  assert.deepEqual(second.map((s) => [s.pending, s.predicted, s.failed]), [[1, 0, 1], [1, 0, 1], [1, 0, 1]]);
  const { rows: counts } = await db.pool.query<{ n: string; failed: string; ensembles: string }>(
    `SELECT (SELECT count(*) FROM predictions WHERE model_id NOT LIKE 'zoo-%') AS n, (SELECT count(*) FROM prediction_failures) AS failed,
            (SELECT count(*) FROM predictions WHERE model_id IN ('zoo-mean', 'zoo-vote')) AS ensembles`,
  );
  // two zoo models ran, so zoo-mean and zoo-vote were computed over the 12 faces both predicted
  assert.deepEqual(counts[0], { n: '36', failed: '3', ensembles: '24' });
});
