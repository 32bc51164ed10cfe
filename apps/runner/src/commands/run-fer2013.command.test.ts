import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, SHIPPED_CARDS_DIR } from '@ferbench/models';
import { createTestDatabase, fixture } from '@ferbench/testkit';

const CLI = path.join(__dirname, '..', 'cli.js');
const MODEL = 'mini-xception-119';

function cli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

async function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, output };
}

test('mini-xception-119 on FER2013 test, through the CLI, killed and resumed', { timeout: 180_000 }, async (t) => {
  const data = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  if (data === undefined || models === undefined) return;
  const testDb = await createTestDatabase('runner_fer2013');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
  });
  const imported = await importDataset(db.pool, { format: 'imagefolder', root: data, id: 'fer2013' });
  const cardFile = path.join(SHIPPED_CARDS_DIR, `${MODEL}.json`);
  await addModel(db.pool, { onnxFile: path.join(models, (await readModelCard(cardFile)).file), card: cardFile });
  const env = { ...process.env, DATABASE_URL: testDb.url, FERBENCH_MODELS: models, FERBENCH_DEVICE: 'cpu' };
  const count = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0]?.n);
  const predictions = () => count(`SELECT count(*) AS n FROM predictions WHERE model_id = '${MODEL}'`);

  await t.test('SIGKILL part way, then a second run completes with exactly one prediction per image', async () => {
    // Small batches and chunks make the run long enough to be caught in the middle.
    const first = cli(['run', '--dataset', 'fer2013', '--models', MODEL, '--batch', '4', '--chunk-size', '100'], env);
    const firstDone = finished(first);
    let before = 0;
    while (first.exitCode === null && (before = await predictions()) === 0) await sleep(10);
    first.kill('SIGKILL');
    const killed = await firstDone;
    assert.equal(killed.signal, 'SIGKILL', `the first run ended before it could be killed:\n${killed.output}`);
    const afterKill = await predictions();
    assert.ok(before > 0 && afterKill < imported.inserted, `killed after ${afterKill} of ${imported.inserted} predictions`);
    assert.equal(afterKill % 100, 0, 'only whole chunks were committed');

    const second = await finished(cli(['run', '--dataset', 'fer2013', '--models', MODEL], env));
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, new RegExp(`${MODEL} on fer2013: ${imported.inserted - afterKill} predicted, 0 failed of ${imported.inserted - afterKill} pending`));

    assert.equal(await predictions(), 7178);
    assert.equal(await count(`SELECT count(DISTINCT image_id) AS n FROM predictions WHERE model_id = '${MODEL}'`), 7178);
    assert.equal(await count(`SELECT count(*) AS n FROM images i WHERE NOT EXISTS (SELECT 1 FROM predictions p WHERE p.image_id = i.id)`), 0);
    const { rows: runs } = await db.pool.query<{ status: string; n_images: number; n_predicted: number; error: string | null }>(
      'SELECT status, n_images, n_predicted, error FROM runs ORDER BY id',
    );
    assert.deepEqual(
      runs.map((r) => [r.status, r.n_images, r.n_predicted]),
      [
        ['failed', 7178, afterKill],
        ['done', 7178 - afterKill, 7178 - afterKill],
      ],
    );
    assert.match(runs[0]?.error ?? '', /interrupted/);

    const third = await finished(cli(['run', '--dataset', 'fer2013', '--models', MODEL], env));
    assert.match(third.output, /up to date \(7178 images already predicted\)/);
  });

  await t.test('stored rows: probabilities in canonical order (contempt NULL), label their argmax, accuracy 0.62..0.67', async () => {
    const { rows } = await db.pool.query<{ label: number; probs: (number | null)[]; raw: number[] }>(
      `SELECT label, probs, raw FROM predictions WHERE model_id = '${MODEL}' ORDER BY image_id LIMIT 50`,
    );
    for (const r of rows) {
      assert.equal(r.probs[7], null);
      const known = r.probs.slice(0, 7) as number[];
      assert.ok(Math.abs(known.reduce((a, b) => a + b, 0) - 1) < 1e-5);
      assert.equal(r.label, known.indexOf(Math.max(...known)));
      // raw is the model's own order: angry, disgust, fear, happy, sad, surprise, neutral
      assert.deepEqual([r.raw[6], r.raw[3], r.raw[4], r.raw[5], r.raw[2], r.raw[1], r.raw[0]], known);
    }
    const { rows: acc } = await db.pool.query<{ accuracy: number; n: string }>(
      `SELECT avg((p.label = i.gold_label)::int)::float8 AS accuracy, count(*) AS n
       FROM predictions p JOIN images i ON i.id = p.image_id WHERE p.model_id = '${MODEL}' AND i.dataset_id = 'fer2013'`,
    );
    t.diagnostic(`${MODEL} accuracy on FER2013 test: ${acc[0]?.accuracy} over ${acc[0]?.n} faces`);
    assert.equal(acc[0]?.n, '7178');
    assert.ok((acc[0]?.accuracy ?? 0) >= 0.62 && (acc[0]?.accuracy ?? 1) <= 0.67, `accuracy ${acc[0]?.accuracy}`);
  });
});
