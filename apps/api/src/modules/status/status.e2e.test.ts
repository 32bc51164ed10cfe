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

test('resultsVersion changes when results can change (a run predicts more faces), and not otherwise', async () => {
  const version = async () => (await graphqlData<{ resultsVersion: string }>(api.server.url, '{ resultsVersion }')).resultsVersion;
  const before = await version();
  assert.equal(await version(), before, 'asking twice changes nothing');
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    await client.query(`UPDATE runs SET n_predicted = n_predicted + 1 WHERE id = (SELECT max(id) FROM runs)`);
    assert.notEqual(await version(), before);
  } finally {
    await client.end();
  }
});
