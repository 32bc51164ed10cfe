import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { importDataset } from '@ferbench/datasets';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR } from '@ferbench/models';
import { fixture, repoRoot } from '@ferbench/testkit';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SubmissionApi, startSubmissionApi, uploadModel } from '../../testing/submission-api.js';

const CLI = path.join(repoRoot(), 'apps', 'runner', 'dist', 'cli.js');
const PER_CLASS = 5;
const CHUNK = 10;

/** Two small real datasets: the first and the next PER_CLASS faces of every FER2013 test class. */
function fer2013Subsets(source: string): { root: string; ids: string[]; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'ferbench-worker-data-'));
  const ids = ['fer-a', 'fer-b'];
  for (const label of readdirSync(path.join(source, 'test')).sort()) {
    const files = readdirSync(path.join(source, 'test', label)).sort();
    ids.forEach((id, k) => {
      mkdirSync(path.join(root, id, 'test', label), { recursive: true });
      for (const file of files.slice(k * PER_CLASS, (k + 1) * PER_CLASS)) copyFileSync(path.join(source, 'test', label, file), path.join(root, id, 'test', label, file));
    });
  }
  return { root, ids, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** `ferbench worker` in its own process, resolved once it waits for jobs. */
function startWorker(databaseUrl: string, id: string): Promise<{ child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'worker', '--id', id, '--chunk-size', String(CHUNK), '--workers', '1', '--batch', '8'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, FERBENCH_DEVICE: 'cpu' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('waiting for jobs')) resolve({ child, stderr: () => stderr });
    });
    child.once('exit', (code) => reject(new Error(`worker ${id} exited with ${code}:\n${stderr}`)));
  });
}

async function stopWorker(worker: { child: ChildProcess }): Promise<number | null> {
  if (worker.child.exitCode !== null) return worker.child.exitCode;
  const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)));
  worker.child.kill('SIGTERM');
  return exited;
}

interface Submission {
  status: string;
  reason: string | null;
  log: string;
  progress: { datasetId: string; images: number; predicted: number; failed: number; chunks: number; chunksDone: number }[];
}

test('two worker processes split one submission’s chunks: every face predicted exactly once, by both', { timeout: 180_000 }, async (t) => {
  const fer2013 = fixture(t, 'data', 'fer2013');
  const card = await readModelCard(path.join(SHIPPED_CARDS_DIR, 'mini-xception-119.json'));
  const onnx = fixture(t, 'models', card.file);
  if (fer2013 === undefined || onnx === undefined) return;

  const api: SubmissionApi = await startSubmissionApi('api_workers', 4 * 1024 * 1024);
  const data = fer2013Subsets(fer2013);
  const workers: { child: ChildProcess; stderr: () => string }[] = [];
  t.after(async () => {
    for (const w of workers) await stopWorker(w);
    await api.stop();
    data.cleanup();
  });
  for (const id of data.ids) await importDataset(api.runner.pool, { format: 'imagefolder', root: path.join(data.root, id), id });

  // The CLI prints a token once, alone on stdout.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'token', 'create', 'worker-test'], { env: { ...process.env, DATABASE_URL: api.db.url } });
  const token = stdout.trim();
  assert.match(token, /^fbt_[A-Za-z0-9_-]{43}$/);
  assert.match(stderr, /shown only this once/);
  const { rows: stored } = await api.runner.pool.query<{ token_sha256: string }>("SELECT token_sha256 FROM api_tokens WHERE name = 'worker-test'");
  assert.notEqual(stored[0]!.token_sha256, token, 'only a hash is stored');

  workers.push(await startWorker(api.db.url, 'w1'), await startWorker(api.db.url, 'w2'));

  const upload = await uploadModel(api, readFileSync(onnx), token);
  assert.equal(upload.status, 201);
  const { submitModel } = await graphqlData<{ submitModel: { submission: { id: string } } }>(
    api.server.url,
    'mutation ($input: SubmitModelInput!) { submitModel(input: $input) { submission { id } } }',
    { input: { uploadId: upload.body.upload!.id, card: { ...card, id: 'mini-queued' } } },
    { authorization: `Bearer ${token}` },
  );
  const id = submitModel.submission.id;

  let submission: Submission;
  const deadline = Date.now() + 150_000;
  for (;;) {
    ({ submission } = await graphqlData<{ submission: Submission }>(
      api.server.url,
      'query ($id: ID!) { submission(id: $id) { status reason log progress { datasetId images predicted failed chunks chunksDone } } }',
      { id },
    ));
    if (submission.status === 'DONE' || submission.status === 'FAILED' || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  assert.equal(submission.status, 'DONE', `${submission.reason}\n${submission.log}\n${workers.map((w) => w.stderr()).join('\n')}`);
  const faces = 7 * PER_CLASS;
  assert.deepEqual(
    submission.progress,
    data.ids.map((datasetId) => ({ datasetId, images: faces, predicted: faces, failed: 0, chunks: Math.ceil(faces / CHUNK), chunksDone: Math.ceil(faces / CHUNK) })),
  );

  const { pool } = api.runner;
  const { rows: perFace } = await pool.query<{ dataset_id: string; n: number }>(
    `SELECT i.dataset_id, count(p.image_id)::int AS n FROM images i LEFT JOIN predictions p ON p.image_id = i.id AND p.model_id = 'mini-queued' GROUP BY i.id, i.dataset_id`,
  );
  assert.equal(perFace.length, 2 * faces);
  assert.ok(perFace.every((f) => f.n === 1), 'each (model, face) has exactly one prediction');
  // No face went through the model twice: the runs' pending counts add up to the faces, and each run covered one chunk.
  const { rows: runs } = await pool.query<{ n_images: number; n_predicted: number; status: string; ranged: boolean }>(
    `SELECT n_images, n_predicted, status, first_image_id IS NOT NULL AS ranged FROM runs WHERE model_id = 'mini-queued'`,
  );
  assert.equal(runs.length, 2 * Math.ceil(faces / CHUNK));
  assert.equal(runs.reduce((a, r) => a + r.n_images, 0), 2 * faces);
  assert.equal(runs.reduce((a, r) => a + r.n_predicted, 0), 2 * faces);
  assert.ok(runs.every((r) => r.status === 'done' && r.ranged));
  const { rows: byWorker } = await pool.query<{ worker_id: string; chunks: number }>(
    `SELECT worker_id, count(*)::int AS chunks FROM submission_chunks WHERE submission_id = $1 GROUP BY worker_id ORDER BY worker_id`,
    [id],
  );
  assert.deepEqual(byWorker.map((w) => w.worker_id), ['w1', 'w2'], `both workers predicted chunks: ${JSON.stringify(byWorker)}`);
  assert.match(submission.log, /\[w1\] /);
  assert.match(submission.log, /\[w2\] /);
  assert.match(submission.log, /done: 70 faces predicted on 2 dataset\(s\), 0 could not be\n$/);
  t.diagnostic(`chunks per worker: ${byWorker.map((w) => `${w.worker_id} ${w.chunks}`).join(', ')}`);

  for (const w of workers.splice(0)) assert.equal(await stopWorker(w), 0, 'SIGTERM stops a worker cleanly');
});
