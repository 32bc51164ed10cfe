/**
 * Ensembles end to end on real models and real faces: `ferbench run` of two zoo models on a FER2013 subset creates
 * zoo-mean and zoo-vote, whose stored predictions equal the rules recomputed here from the members' stored
 * probabilities; `ferbench ensemble create` refuses bad arguments by field; `run --models all` runs no ensemble.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { SHIPPED_CARDS_DIR, addModel } from '@ferbench/models';
import { modelsPredictedOn, pgRows } from '@ferbench/scores';
import { createTestDatabase, fer2013Subset, fixture } from '@ferbench/testkit';

const CLI = path.join(__dirname, '..', 'cli.js');
const MEMBERS = ['mini-xception-119', 'mobilefacenet-int8'];

interface Row {
  model_id: string;
  image_id: string;
  label: number;
  probs: (number | null)[];
}

/** The mean rule by hand: summed probabilities over the shared labels, renormalised; the first largest wins. */
function meanRule(rows: Row[], shared: number[]) {
  const sums = Array.from({ length: 8 }, (_, k) => (shared.includes(k) ? rows.reduce((a, r) => a + r.probs[k]!, 0) : null));
  const total = sums.reduce<number>((a, v) => a + (v ?? 0), 0);
  const probs = sums.map((v) => (v === null ? null : v / total));
  const label = shared.reduce((best, k) => (probs[k]! > probs[best]! ? k : best), shared[0]!);
  return { label, probs };
}

/** The vote rule by hand: most votes, then the higher summed probability, then canonical order. */
function voteRule(rows: Row[], shared: number[]) {
  const within = (r: Row) => (shared.includes(r.label) ? r.label : shared.reduce((b, k) => (r.probs[k]! > r.probs[b]! ? k : b), shared[0]!));
  const votes = Array.from({ length: 8 }, (_, k) => rows.filter((r) => within(r) === k).length);
  const sum = (k: number) => rows.reduce((a, r) => a + r.probs[k]!, 0);
  const label = shared.reduce((best, k) => (votes[k]! > votes[best]! || (votes[k] === votes[best] && sum(k) > sum(best)) ? k : best), shared[0]!);
  return { label, probs: Array.from({ length: 8 }, (_, k) => (shared.includes(k) ? votes[k]! / rows.length : null)), tie: votes.filter((v) => v === votes[label]).length > 1 };
}

test('zoo-mean and zoo-vote from two real zoo models on 70 FER2013 faces', { timeout: 240_000 }, async (t) => {
  const data = fixture(t, 'data', 'fer2013');
  const models = fixture(t, 'models');
  if (data === undefined || models === undefined) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'ferbench-ensemble-'));
  const testDb = await createTestDatabase('runner_ensemble');
  const db = poolDatabase(testDb.url);
  t.after(async () => {
    await db.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  await importDataset(db.pool, { format: 'imagefolder', root: fer2013Subset(data, dir, 10), id: 'fer2013' });
  for (const id of MEMBERS) {
    const card = path.join(SHIPPED_CARDS_DIR, `${id}.json`);
    await addModel(db.pool, { onnxFile: path.join(models, (await readModelCard(card)).file), card });
  }
  const env = { ...process.env, DATABASE_URL: testDb.url, FERBENCH_MODELS: models, FERBENCH_DEVICE: 'cpu' };
  const ferbench = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });

  const run = ferbench('run', '--dataset', 'fer2013', '--models', 'all');
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /ensemble zoo-mean \(mean of 2\): fer2013 70 faces/);
  assert.match(run.stderr, /ensemble zoo-vote \(vote of 2\): fer2013 70 faces/);

  const { rows } = await db.pool.query<Row>(`SELECT model_id, image_id::text, label, probs FROM predictions ORDER BY image_id, model_id`);
  const shared = [0, 1, 2, 3, 4, 5, 6]; // both members emit the 7 FER2013 emotions, not contempt
  const faces = [...new Set(rows.map((r) => r.image_id))];
  assert.equal(faces.length, 70);
  let ties = 0;
  for (const face of faces) {
    const members = rows.filter((r) => r.image_id === face && MEMBERS.includes(r.model_id));
    assert.equal(members.length, 2);
    const mean = meanRule(members, shared);
    const vote = voteRule(members, shared);
    ties += vote.tie ? 1 : 0;
    const stored = (id: string) => rows.find((r) => r.image_id === face && r.model_id === id)!;
    for (const [id, expected] of [['zoo-mean', mean], ['zoo-vote', vote]] as const) {
      assert.equal(stored(id).label, expected.label, `${id} label of face ${face}`);
      stored(id).probs.forEach((p, k) => {
        if (expected.probs[k] === null) assert.equal(p, null, `${id} p${k} of face ${face}`);
        else assert.ok(Math.abs(p! - expected.probs[k]!) < 1e-6, `${id} p${k} of face ${face}: ${p} vs ${expected.probs[k]}`);
      });
    }
  }
  assert.ok(ties > 0 && ties < 70, `two members disagree on some faces (${ties}), so the vote's tie-break is exercised`);

  const runs = await db.pool.query<{ model_id: string; device: string }>(`SELECT model_id, device FROM runs WHERE model_id LIKE 'zoo-%'`);
  assert.deepEqual(runs.rows.map((r) => r.device), ['sql', 'sql'], 'ensembles are computed, never run by a model');
  assert.deepEqual(await modelsPredictedOn(pgRows(db.pool), 'fer2013'), MEMBERS, 'κ among models leaves ensembles out');
  assert.deepEqual(await modelsPredictedOn(pgRows(db.pool), 'fer2013', { ensembles: true }), [...MEMBERS, 'zoo-mean', 'zoo-vote']);

  const direct = ferbench('run', '--dataset', 'fer2013', '--models', 'zoo-mean');
  assert.equal(direct.status, 1);
  assert.match(direct.stderr, /zoo-mean: an ensemble has nothing to run/);

  const again = ferbench('run', '--dataset', 'fer2013', '--models', 'all');
  assert.equal(again.status, 0, again.stderr);
  assert.doesNotMatch(again.stderr, /zoo-mean/, 'nothing new predicted: nothing to refresh');

  const created = ferbench('ensemble', 'create', 'pair-vote', '--models', MEMBERS.join(','), '--rule', 'vote', '--json');
  assert.equal(created.status, 0, created.stderr);
  const summary = JSON.parse(created.stdout);
  assert.deepEqual([summary.id, summary.rule, summary.members, summary.builtin, summary.datasets], ['pair-vote', 'vote', MEMBERS, false, [{ datasetId: 'fer2013', faces: 70 }]]);
  const same = await db.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM predictions a JOIN predictions b USING (image_id) WHERE a.model_id = 'pair-vote' AND b.model_id = 'zoo-vote' AND a.label = b.label AND a.probs = b.probs`,
  );
  assert.equal(same.rows[0]!.n, '70', 'the same rule over the same members gives the same predictions');

  const refused = (args: string[], message: RegExp) => {
    const r = ferbench('ensemble', 'create', ...args);
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, message);
  };
  refused(['x', '--models', 'mini-xception-119,nope', '--rule', 'mean'], /models: unknown model\(s\) nope/);
  refused(['x', '--models', 'mini-xception-119,zoo-mean', '--rule', 'mean'], /models: zoo-mean is an ensemble/);
  refused(['x', '--models', 'mini-xception-119', '--rule', 'mean'], /models: expected at least 2 distinct model ids, got 1/);
  refused(['x', '--models', MEMBERS.join(','), '--rule', 'median'], /--rule.*expected "mean" or "vote", got "median"/);
  refused(['pair-vote', '--models', MEMBERS.join(','), '--rule', 'mean'], /id: a model "pair-vote" is already registered/);
  refused(['Bad Id', '--models', MEMBERS.join(','), '--rule', 'mean'], /id: expected a slug/);

  const list = JSON.parse(ferbench('ensemble', 'list', '--json').stdout) as { id: string; builtin?: boolean }[];
  assert.deepEqual(list.map((e) => [e.id, e.builtin === true]), [['pair-vote', false], ['zoo-mean', true], ['zoo-vote', true]]);

  // `ferbench report`: the best single model against both ensembles, b and c counted here from the stored rows.
  const report = ferbench('report', '--dataset', 'fer2013');
  assert.equal(report.status, 0, report.stderr);
  const { rows: gold } = await db.pool.query<{ id: string; gold: number }>(`SELECT id::text, gold_label AS gold FROM images`);
  const right = (model: string) => new Set(rows.filter((r) => r.model_id === model && r.label === gold.find((g) => g.id === r.image_id)!.gold).map((r) => r.image_id));
  const best = MEMBERS.map((id) => [id, right(id).size] as const).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  for (const ensembleId of ['zoo-mean', 'zoo-vote']) {
    const b = [...right(best)].filter((f) => !right(ensembleId).has(f)).length;
    const c = [...right(ensembleId)].filter((f) => !right(best).has(f)).length;
    const accuracy = ((100 * right(ensembleId).size) / 70).toFixed(1);
    assert.match(report.stdout, new RegExp(`\\| fer2013 \\| \`${ensembleId}\` \\| 70 \\| ${accuracy.replace('.', '\\.')} \\([0-9.]+–[0-9.]+\\) \\| ${b} / ${c}, p = `), report.stdout);
  }
  assert.match(report.stdout, new RegExp(`\\| fer2013 \\| \`${best}\` \\(best single\\) \\| 70 \\| ${((100 * right(best).size) / 70).toFixed(1).replace('.', '\\.')} `));
});
