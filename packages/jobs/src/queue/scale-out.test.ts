import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { verifyDatasetCopy } from '@ferbench/runs';
import { fixture, testDatabaseHooks } from '@ferbench/testkit';
import { createApiToken } from '../tokens/api-token.js';
import { migrateQueue } from './migrate-queue.js';
import { queueSubmission } from './queue-tasks.js';
import { type QueueWorker, startQueueWorker } from './queue-worker.js';

const db = testDatabaseHooks('jobs_scale_out');
const PER_LABEL = 3;
const FACES = 7 * PER_LABEL;
let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-scale-out-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The first PER_LABEL faces of each FER2013 test emotion, laid out by key (test/<emotion>/<file>) under `root`. */
function copyFaces(fer2013: string, root: string): string {
  for (const label of readdirSync(path.join(fer2013, 'test')).sort()) {
    mkdirSync(path.join(root, 'test', label), { recursive: true });
    for (const name of readdirSync(path.join(fer2013, 'test', label)).sort().slice(0, PER_LABEL)) copyFileSync(path.join(fer2013, 'test', label, name), path.join(root, 'test', label, name));
  }
  return root;
}

test('two workers with separate data folders and only the database in common finish one submission, no face predicted twice; a copy that differs is refused naming the file', { timeout: 180_000 }, async (t) => {
  const fer2013 = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  if (fer2013 === undefined || models === undefined) return;
  // The importing machine: its dataset folder and model file are registered, then its disk is gone.
  const importer = path.join(dir, 'importer');
  await importDataset(db.pool, { format: 'imagefolder', root: copyFaces(fer2013, path.join(importer, 'data', 'fer-mini')), id: 'fer-mini' });
  const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
  mkdirSync(path.join(importer, 'models'), { recursive: true });
  const onnx = path.join(importer, 'models', 'submitted.onnx');
  copyFileSync(path.join(models, card.file), onnx);
  const submitted = { ...card, id: 'mini-remote', name: 'mini remote', file: onnx };
  await addModel(db.pool, { onnxFile: onnx, card: submitted });
  rmSync(importer, { recursive: true, force: true });

  const token = await createApiToken(db.pool, 'scale-out');
  await migrateQueue(db.pool);
  const { rows } = await db.pool.query<{ id: string }>(`INSERT INTO submissions (token_id, model_id, sha256, card) VALUES ($1, $2, $3, $4) RETURNING id::text`, [
    token.id,
    submitted.id,
    submitted.sha256,
    submitted,
  ]);
  const submissionId = rows[0]!.id;

  // Two machines: each its own data folder (model cache) and its own copy of the dataset.
  const machines = ['w1', 'w2'].map((id) => ({ id, dataDir: path.join(dir, id, 'data'), datasetsDir: path.join(dir, id, 'datasets') }));
  for (const m of machines) copyFaces(fer2013, path.join(m.datasetsDir, 'fer-mini'));
  const lines: string[] = [];
  const workers: QueueWorker[] = [];
  t.after(async () => {
    for (const w of workers) await w.stop();
  });
  for (const m of machines)
    workers.push(
      await startQueueWorker({
        databaseUrl: db.url,
        modelsDir: path.join(dir, m.id, 'no-models'),
        datasetsDir: m.datasetsDir,
        dataDir: m.dataDir,
        device: 'cpu',
        workerId: m.id,
        chunkSize: 3,
        batchSize: 4,
        workers: 1,
        log: (line) => lines.push(`${m.id}: ${line}`),
      }),
    );
  await queueSubmission((text, params) => db.pool.query(text, params), submissionId);

  let status = 'queued';
  const deadline = Date.now() + 150_000;
  while (status !== 'done' && status !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    status = (await db.pool.query<{ status: string }>('SELECT status FROM submissions WHERE id = $1', [submissionId])).rows[0]!.status;
  }
  const { rows: log } = await db.pool.query<{ log: string; reason: string | null }>('SELECT log, reason FROM submissions WHERE id = $1', [submissionId]);
  assert.equal(status, 'done', `${log[0]?.reason}\n${log[0]?.log}\n${lines.join('\n')}`);

  const { rows: perFace } = await db.pool.query<{ n: number }>(
    `SELECT count(p.image_id)::int AS n FROM images i LEFT JOIN predictions p ON p.image_id = i.id AND p.model_id = 'mini-remote' GROUP BY i.id`,
  );
  assert.equal(perFace.length, FACES);
  assert.ok(perFace.every((f) => f.n === 1), 'each face has exactly one prediction');
  const { rows: runs } = await db.pool.query<{ n_images: number; n_predicted: number }>(`SELECT n_images, n_predicted FROM runs WHERE model_id = 'mini-remote'`);
  assert.equal(runs.reduce((a, r) => a + r.n_images, 0), FACES, 'no face went through the model twice');
  assert.equal(runs.reduce((a, r) => a + r.n_predicted, 0), FACES);
  const { rows: byWorker } = await db.pool.query<{ worker_id: string }>(`SELECT DISTINCT worker_id FROM submission_chunks WHERE submission_id = $1 ORDER BY 1`, [submissionId]);
  assert.deepEqual(byWorker.map((w) => w.worker_id), ['w1', 'w2'], 'both workers predicted chunks');
  for (const m of machines) {
    assert.ok(existsSync(path.join(m.dataDir, 'models', `${submitted.sha256}.onnx`)), `${m.id} fetched the model from the database`);
    assert.ok(lines.some((l) => l.startsWith(`${m.id}: worker ${m.id}: dataset fer-mini at ${path.join(m.datasetsDir, 'fer-mini')}: ${FACES} images match content sha256`)), lines.join('\n'));
  }

  // The worker that closed the submission counted the dataset's agreement patterns, at its current version.
  const refreshed = Date.now() + 20_000;
  while (!lines.some((l) => l.endsWith(`submission ${submissionId}: fer-mini agreement patterns counted`)) && Date.now() < refreshed) await new Promise((resolve) => setTimeout(resolve, 100));
  const { rows: stored } = await db.pool.query<{ current: boolean }>(
    `SELECT a.version = v.version AS current FROM agreement_patterns a JOIN prediction_versions v USING (dataset_id) WHERE a.dataset_id = 'fer-mini' AND a.model_ids = '{mini-remote}'`,
  );
  assert.deepEqual(stored, [{ current: true }], lines.join('\n'));

  // A third machine whose copy has one face re-encoded, and one lacking a face: refused, naming the file.
  const bad = copyFaces(fer2013, path.join(dir, 'w3', 'fer-mini'));
  const first = readdirSync(path.join(bad, 'test', 'happy')).sort()[1]!;
  writeFileSync(path.join(bad, 'test', 'happy', first), 'not the same bytes');
  await assert.rejects(verifyDatasetCopy(db.pool, 'fer-mini', bad), (error: Error) => {
    assert.match(error.message, new RegExp(`^dataset fer-mini: the copy at ${bad} is not the dataset \\(content sha256 [0-9a-f]{64}\\): first differing file: test/happy/${first} has sha256 [0-9a-f]{64}, the dataset's is [0-9a-f]{64}`));
    return true;
  });
  rmSync(path.join(bad, 'test', 'angry'), { recursive: true });
  await assert.rejects(verifyDatasetCopy(db.pool, 'fer-mini', bad), /first differing file: test\/angry\/\S+ is missing/);
});
