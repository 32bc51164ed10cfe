import assert from 'node:assert/strict';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { createServer } from '../server/create-server.js';

/** The shipped ONNX models: one 7-class FER2013 model on whole heads, and the RAF-DB model on YuNet-aligned faces. */
export const JAFFE_MODELS = ['mini-xception-119', 'mobilefacenet-int8-aligned'];

/**
 * Real JAFFE (all 213 photos, with their subjects and semantic ratings) imported by the runner library and both
 * shipped models run on it, the aligned one through YuNet; an API server over that database. Undefined (the test
 * skipped) where ../shared is absent.
 */
export async function jaffeBenchmark(t: TestContext, name: string): Promise<{ url: string; databaseUrl: string } | undefined> {
  const root = fixture(t, 'data', 'jaffe');
  const modelsDir = fixture(t, 'models');
  const detectorsDir = fixture(t, 'detectors');
  if (root === undefined || modelsDir === undefined || detectorsDir === undefined) return undefined;
  const db = await createTestDatabase(name);
  const runner = poolDatabase(db.url);
  t.after(async () => {
    await runner.close();
    await db.drop();
  });
  const imported = await importDataset(runner.pool, { format: 'jaffe', root });
  assert.deepEqual([imported.inserted, imported.humanRatingsWritten, imported.skipped.length], [213, 213, 0]);
  for (const cardFile of shippedCardFiles()) {
    const card = await readModelCard(cardFile);
    if (JAFFE_MODELS.includes(card.id)) await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
  }
  const runs = await runModels(runner.pool, { datasets: ['jaffe'], models: JAFFE_MODELS, modelsDir, detectorsDir, device: 'cpu', progress: false });
  assert.deepEqual(
    runs.map((r) => [r.status, r.predicted]),
    JAFFE_MODELS.map(() => ['done', 213]),
  );
  const server = await createServer({ databaseUrl: db.url, datasetsRoot: path.dirname(root) });
  t.after(() => server.stop());
  return { url: server.url, databaseUrl: db.url };
}
