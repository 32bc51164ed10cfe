import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, SHIPPED_CARDS_DIR } from '@ferbench/models';
import { runModelOnDataset } from '@ferbench/runs';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { createServer } from '../../server/create-server.js';
import { graphqlData } from '../../testing/graphql-request.js';
import { readStoredPredictions } from '../../testing/stored-predictions.js';

const PLAIN = 'mobilefacenet-int8';
const ALIGNED = 'mobilefacenet-int8-aligned';
const FACES = 150;

interface Entry {
  model: { id: string; sha256: string };
  n: number;
  accuracy: number | null;
}

/**
 * One ONNX file, two cards: MobileFaceNet on RAF-DB test faces stretched as they are and aligned by YuNet's five
 * landmarks. Both are on the leaderboard, each scored on the faces it predicted (the aligned one has no prediction
 * where YuNet finds no face), with the numbers the stored rows give.
 */
test('leaderboard: MobileFaceNet plain and YuNet-aligned side by side on real RAF-DB test faces', { timeout: 300_000 }, async (t) => {
  const rafdb = fixture(t, 'data', 'rafdb');
  const models = fixture(t, 'models');
  const detectors = fixture(t, 'detectors');
  if (rafdb === undefined || models === undefined || detectors === undefined) return;
  const db = await createTestDatabase('api_alignment');
  const runner = poolDatabase(db.url);
  t.after(async () => {
    await runner.close();
    await db.drop();
  });
  await importDataset(runner.pool, { format: 'rafdb', root: rafdb, split: 'test', id: 'rafdb' });
  for (const id of [PLAIN, ALIGNED]) {
    const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, `${id}.json`));
    await addModel(runner.pool, { onnxFile: path.join(models, card.file), card });
  }
  // the first FACES test faces, by id
  const { rows: ids } = await runner.pool.query<{ first: string; last: string }>(
    `SELECT min(id)::text AS first, max(id)::text AS last FROM (SELECT id FROM images WHERE dataset_id = 'rafdb' ORDER BY id LIMIT ${FACES}) s`,
  );
  const imageIds = ids[0] as { first: string; last: string };
  for (const id of [PLAIN, ALIGNED]) {
    const run = await runModelOnDataset(runner.pool, id, 'rafdb', { modelsDir: models, detectorsDir: detectors, device: 'cpu', progress: false, imageIds });
    assert.equal(run.status, 'done', run.error);
    assert.equal(run.predicted + run.failed, FACES);
  }
  const { rows: noFace } = await runner.pool.query<{ n: string }>(`SELECT count(*) AS n FROM prediction_failures WHERE model_id = $1 AND error = 'no face detected'`, [ALIGNED]);

  const server = await createServer({ databaseUrl: db.url, datasetsRoot: path.dirname(rafdb) });
  t.after(() => server.stop());
  const { leaderboard } = await graphqlData<{ leaderboard: { entries: Entry[] } }>(server.url, `query { leaderboard(dataset: "rafdb") { entries { model { id sha256 } n accuracy } } }`);
  const entries = new Map(leaderboard.entries.map((e) => [e.model.id, e]));
  const plain = entries.get(PLAIN);
  const aligned = entries.get(ALIGNED);
  assert.ok(plain !== undefined && aligned !== undefined, JSON.stringify(leaderboard.entries));
  assert.equal(plain.model.sha256, aligned.model.sha256, 'the same ONNX file');
  assert.equal(plain.n, FACES);
  assert.equal(aligned.n, FACES - Number(noFace[0]?.n));
  const stored = await readStoredPredictions(db.url, 'rafdb');
  for (const entry of [plain, aligned]) {
    const rows = stored.filter((s) => s.modelId === entry.model.id);
    assert.equal(rows.length, entry.n);
    const accuracy = rows.filter((s) => s.label === s.gold).length / rows.length;
    assert.ok(Math.abs((entry.accuracy as number) - accuracy) < 1e-12, `${entry.model.id}: ${entry.accuracy} vs ${accuracy}`);
  }
  t.diagnostic(`RAF-DB test, first ${FACES} faces: ${PLAIN} ${plain.accuracy} (n ${plain.n}), ${ALIGNED} ${aligned.accuracy} (n ${aligned.n})`);
});
