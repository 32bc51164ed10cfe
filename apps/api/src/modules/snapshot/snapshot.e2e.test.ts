/**
 * Snapshots through GraphQL: a snapshot's leaderboard and κ equal the live ones when it was taken; a live entry
 * cites the snapshot that holds it, and stops citing it (keeping it as latestSnapshot) once its numbers change.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createSnapshot } from '@ferbench/exports';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';

let api: SeededApi;
let pool: pg.Pool;
let dir: string;
before(async () => {
  api = await startSeededApi('api_snapshots');
  pool = new pg.Pool({ connectionString: api.db.url, max: 2 });
  // The database is dropped WITH (FORCE) at the end: a connection it terminates must not crash the test process.
  pool.on('error', () => {});
  dir = mkdtempSync(path.join(tmpdir(), 'ferbench-api-snapshots-'));
});
after(async () => {
  await pool?.end();
  await api?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Entry {
  model: { id: string; sha256: string };
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  snapshot: { snapshotId: string; accuracy: number | null } | null;
  latestSnapshot: { snapshotId: string; accuracy: number | null; n: number } | null;
}
const LIVE = `{ leaderboard(dataset: "tiny") { entries { model { id sha256 } n accuracy macroF1 snapshot { snapshotId accuracy } latestSnapshot { snapshotId accuracy n } } }
  agreement(dataset: "tiny", resamples: 0) { nFaces fleiss { value se } } }`;
const live = () => graphqlData<{ leaderboard: { entries: Entry[] }; agreement: { nFaces: number; fleiss: { value: number; se: number } } }>(api.server.url, LIVE);

test("a snapshot's numbers beside the live ones, and the live entries citing it until they change", async () => {
  const initial = await live();
  assert.ok(initial.leaderboard.entries.every((e) => e.snapshot === null && e.latestSnapshot === null), 'no snapshot yet');

  const made = await createSnapshot(pool, { datasets: 'all', models: 'all', snapshotsDir: dir, bootstrap: { resamples: 0, seed: 1 } });
  const { snapshots, snapshot } = await graphqlData<{
    snapshots: { id: string }[];
    snapshot: {
      id: string;
      contentSha256: string;
      ferbenchVersion: string;
      datasets: { id: string; imageCount: number; dataSha256: string }[];
      files: { path: string; rows: number }[];
      leaderboard: { modelId: string; modelSha256: string; rank: number; n: number; accuracy: number | null; macroF1: number | null }[];
      agreement: { fleissKappa: number; se: number; nFaces: number; models: string[] };
    };
  }>(
    api.server.url,
    `query ($id: ID!) { snapshots { id } snapshot(id: $id) { id contentSha256 ferbenchVersion datasets { id imageCount dataSha256 } files { path rows }
       leaderboard(dataset: "tiny") { modelId modelSha256 rank n accuracy macroF1 } agreement(dataset: "tiny") { fleissKappa se nFaces models } } }`,
    { id: made.id },
  );
  assert.deepEqual(snapshots.map((s) => s.id), [made.id]);
  assert.equal(snapshot.contentSha256, made.manifest.contentSha256);
  assert.deepEqual(snapshot.datasets.map((d) => [d.id, d.imageCount]), [['other', 5], ['tiny', 40]]);
  assert.deepEqual(
    snapshot.leaderboard.map((e) => [e.modelId, e.modelSha256, e.n, e.accuracy, e.macroF1]),
    initial.leaderboard.entries.map((e) => [e.model.id, e.model.sha256, e.n, e.accuracy, e.macroF1]),
    'the frozen leaderboard is the live one, in the same order',
  );
  assert.deepEqual(snapshot.leaderboard.map((e) => e.rank), [1, 2, 3]);
  assert.ok(Math.abs(snapshot.agreement.fleissKappa - initial.agreement.fleiss.value) <= 1e-12);
  assert.ok(Math.abs(snapshot.agreement.se - initial.agreement.fleiss.se) <= 1e-12);
  assert.equal(snapshot.agreement.nFaces, initial.agreement.nFaces);

  const cited = await live();
  for (const e of cited.leaderboard.entries) {
    assert.equal(e.snapshot?.snapshotId, made.id, `${e.model.id} cites the snapshot`);
    assert.equal(e.latestSnapshot?.accuracy, e.accuracy);
  }

  // alpha changes its mind on one gold-labelled face: its live numbers move, the snapshot's stay.
  await pool.query(
    `UPDATE predictions p SET label = CASE WHEN p.label = i.gold_label THEN (i.gold_label + 1) % 7 ELSE i.gold_label END
       FROM images i WHERE i.id = p.image_id AND p.model_id = 'alpha' AND i.id = (SELECT min(id) FROM images WHERE dataset_id = 'tiny' AND gold_label IS NOT NULL)`,
  );
  const changed = await live();
  const alpha = changed.leaderboard.entries.find((e) => e.model.id === 'alpha')!;
  const frozen = snapshot.leaderboard.find((e) => e.modelId === 'alpha')!;
  assert.notEqual(alpha.accuracy, frozen.accuracy);
  assert.equal(alpha.snapshot, null, 'alpha no longer cites a snapshot');
  assert.deepEqual(alpha.latestSnapshot, { snapshotId: made.id, accuracy: frozen.accuracy, n: frozen.n });
  for (const e of changed.leaderboard.entries.filter((x) => x.model.id !== 'alpha')) assert.equal(e.snapshot?.snapshotId, made.id);

  const missing = await graphqlRequest(api.server.url, '{ snapshot(id: "0000000000000000") { id } }');
  assert.equal((missing.data as { snapshot: null }).snapshot, null);
  const badLeaderboard = await graphqlRequest<unknown>(api.server.url, `{ snapshots { leaderboard(dataset: "nope") { modelId } } }`);
  assert.deepEqual(badLeaderboard.data, { snapshots: [{ leaderboard: [] }] });
});
