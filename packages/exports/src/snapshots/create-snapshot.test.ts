import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { verifyManifest } from '../manifest.js';
import { EXPORT_TEST_MODELS, type RealBenchmark, realBenchmark } from '../testing/exported-benchmark.js';
import { createSnapshot } from './create-snapshot.js';
import { listSnapshots } from './snapshot.repository.js';

let bench: RealBenchmark | undefined;
before(async (t) => {
  bench = await realBenchmark(t as never, 'exports_snapshots');
});
after(() => bench?.close());

test('a snapshot id comes from its manifest: the same while nothing changes, another when any one prediction changes', async (t) => {
  if (bench === undefined) return t.skip('no ../shared');
  const { pool } = bench.db;
  const snapshotsDir = path.join(bench.work, 'snapshots');
  const options = { datasets: 'all' as const, models: [...EXPORT_TEST_MODELS], snapshotsDir, bootstrap: { resamples: 100, seed: 1 } };

  const first = await createSnapshot(pool, options);
  assert.equal(first.created, true);
  assert.equal(first.id, first.manifest.contentSha256.slice(0, 16));
  assert.equal((await verifyManifest(first.dir)).contentSha256, first.manifest.contentSha256);

  const again = await createSnapshot(pool, options);
  assert.equal(again.id, first.id, 'nothing changed: same id');
  assert.equal(again.created, false);

  // One probability of one prediction moves by one float32 step (label unchanged).
  const { rows } = await pool.query<{ model_id: string; image_id: string; p: number }>(
    `SELECT model_id, image_id::text, probs[1] AS p FROM predictions ORDER BY image_id DESC, model_id LIMIT 1`,
  );
  const target = rows[0]!;
  await pool.query(`UPDATE predictions SET probs[1] = $3::real WHERE model_id = $1 AND image_id = $2`, [target.model_id, target.image_id, Math.fround(target.p * (1 + 2 ** -20))]);
  const changed = await createSnapshot(pool, options);
  assert.notEqual(changed.id, first.id, 'one changed probability: another id');
  assert.equal(changed.created, true);
  const changedFiles = changed.manifest.content.files.filter((f, k) => f.sha256 !== first.manifest.content.files[k]!.sha256).map((f) => f.path);
  assert.deepEqual(changedFiles, ['predictions.csv', 'predictions.parquet'], 'only the predictions files differ');

  await pool.query(`UPDATE predictions SET probs[1] = $3::real WHERE model_id = $1 AND image_id = $2`, [target.model_id, target.image_id, target.p]);
  assert.equal((await createSnapshot(pool, options)).id, first.id, 'reverted: the first id again');

  const stored = await listSnapshots(pool);
  assert.deepEqual(stored.map((s) => s.id).sort(), [first.id, changed.id].sort());
  assert.deepEqual(readdirSync(snapshotsDir).sort(), [first.id, changed.id].sort(), 'no half-written folder is left');
  const { rows: board } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM snapshot_leaderboard WHERE snapshot_id = $1`, [first.id]);
  assert.equal(board[0]!.n, 2 * 3, 'two models on three datasets');
  assert.ok(existsSync(path.join(first.dir, 'predictions.parquet')));
});
