import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_status');
});
after(() => api?.stop());

interface Pair {
  modelId: string;
  datasetId: string;
  status: string;
  facesDone: number;
  facesTotal: number;
  facesPerSecond: number | null;
}
interface Status {
  runStatus: { active: boolean; bootstrap: { phase: string; detail: string; finishedAt: string | null } | null; pairs: Pair[] };
}
const STATUS = `{ runStatus { active bootstrap { phase detail finishedAt } pairs { modelId datasetId status facesDone facesTotal facesPerSecond } } }`;
const brief = (p: Pair) => [p.datasetId, p.modelId, p.status, p.facesDone, p.facesTotal];

test('runStatus: every model × dataset with faces done of total, from the stored predictions; no bootstrap yet', async () => {
  const { runStatus } = await graphqlData<Status>(api.server.url, STATUS);
  assert.equal(runStatus.bootstrap, null);
  assert.equal(runStatus.active, false);
  // beta skipped 4 of tiny's 40 faces; gamma never ran on "other".
  assert.deepEqual(runStatus.pairs.map(brief), [
    ['other', 'alpha', 'DONE', 5, 5],
    ['other', 'beta', 'DONE', 5, 5],
    ['other', 'gamma', 'QUEUED', 0, 5],
    ['tiny', 'alpha', 'DONE', 40, 40],
    ['tiny', 'beta', 'QUEUED', 36, 40],
    ['tiny', 'gamma', 'DONE', 40, 40],
  ]);
  assert.equal(runStatus.pairs.find((p) => p.datasetId === 'other' && p.modelId === 'gamma')!.facesPerSecond, null);
});

test('runStatus while a run goes on: the bootstrap phase, the pair running with its faces per second so far', async () => {
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    await client.query(`INSERT INTO bootstrap_progress (phase, detail) VALUES ('running', 'every registered model on every dataset')`);
    await client.query(
      `INSERT INTO runs (model_id, dataset_id, status, device, execution_provider, ort_version, batch_size, n_images, n_predicted, n_failed, started_at)
       VALUES ('gamma', 'other', 'running', 'cpu', 'cpu', '1.30.0', 64, 5, 3, 1, now() - interval '8 seconds')`,
    );
    const { runStatus } = await graphqlData<Status>(api.server.url, STATUS);
    assert.equal(runStatus.active, true);
    assert.deepEqual(runStatus.bootstrap, { phase: 'running', detail: 'every registered model on every dataset', finishedAt: null });
    const running = runStatus.pairs.find((p) => p.datasetId === 'other' && p.modelId === 'gamma')!;
    assert.equal(running.status, 'RUNNING');
    // 4 faces (3 predicted, 1 failed) in about 8 seconds.
    assert.ok(running.facesPerSecond !== null && Math.abs(running.facesPerSecond - 0.5) < 0.05, `faces/s ${running.facesPerSecond}`);
  } finally {
    await client.end();
  }
});

test('resultsVersion changes with every write results read (predictions, failures, votes, detections, models, datasets, runs), and not otherwise', async () => {
  const version = async () => (await graphqlData<{ resultsVersion: string }>(api.server.url, '{ resultsVersion }')).resultsVersion;
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    const before = await version();
    assert.equal(await version(), before, 'asking twice changes nothing');
    await client.query(`UPDATE bootstrap_progress SET detail = 'not a result'`);
    await client.query(`INSERT INTO api_tokens (name, token_sha256) VALUES ('not-a-result', repeat('a', 64))`);
    assert.equal(await version(), before, 'writes to tables no result reads change nothing');
    const image = (await client.query<{ id: string; sha256: string }>(`SELECT id::text, sha256 FROM images WHERE dataset_id = 'tiny' ORDER BY id LIMIT 1`)).rows[0]!;
    const run = (await client.query<{ id: string }>(`SELECT max(id)::text AS id FROM runs`)).rows[0]!.id;
    const writes: [string, string, unknown[]][] = [
      ['a prediction', `UPDATE predictions SET label = label WHERE image_id = $1`, [image.id]],
      ['a failure', `INSERT INTO prediction_failures (model_id, image_id, run_id, error) VALUES ('gamma', $1, $2, 'x') ON CONFLICT DO NOTHING`, [image.id, run]],
      ['a human vote', `INSERT INTO human_votes (image_id, label, votes) VALUES ($1, 7, 1) ON CONFLICT (image_id, label) DO UPDATE SET votes = human_votes.votes + 1`, [image.id]],
      ['a face detection', `INSERT INTO face_detections (image_sha256, detector_sha256, detector_id, face_count) VALUES ($1, repeat('d', 64), 'yunet', 0) ON CONFLICT DO NOTHING`, [image.sha256]],
      ['a model card', `UPDATE models SET card = card WHERE id = 'alpha'`, []],
      ['a dataset', `UPDATE datasets SET name = name WHERE id = 'tiny'`, []],
      ['a run ending', `UPDATE runs SET finished_at = now() WHERE id = $1`, [run]],
    ];
    let last = before;
    for (const [what, sql, params] of writes) {
      await client.query(sql, params);
      const now = await version();
      assert.notEqual(now, last, `${what} changes the version`);
      last = now;
    }
  } finally {
    await client.end();
  }
});
