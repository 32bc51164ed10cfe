import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '@ferbench/jobs';
import { EMOTIONS, calibrationReport } from '@ferbench/shared';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

let api: SeededApi;
let token: string;
before(async () => {
  api = await startSeededApi('api_calibration');
  const pool = new pg.Pool({ connectionString: api.db.url });
  token = (await createApiToken(pool, 'ensembler')).token;
  await pool.end();
});
after(() => api?.stop());

const CALIBRATION = `query ($dataset: ID!, $models: [ID!], $bins: Int, $threshold: Float) {
  calibration(dataset: $dataset, models: $models, bins: $bins, threshold: $threshold) {
    model { id sha256 ensemble { rule members } } classes n accuracy ece mce brier nll aurc
    selective { threshold coverage accuracy } reliability { lower upper n confidence accuracy }
    riskCoverage { coverage risk threshold }
    temperature { temperature fitSplit reportSplit nFit nReport before { nll } after { nll } }
  }
}`;

interface Calibration {
  model: { id: string; ensemble: { rule: string; members: string[] } | null };
  classes: string[];
  n: number;
  accuracy: number;
  ece: number;
  mce: number;
  brier: number;
  nll: number;
  aurc: number;
  selective: { threshold: number; coverage: number; accuracy: number | null };
  reliability: { n: number; confidence: number | null; accuracy: number | null }[];
  riskCoverage: { coverage: number; risk: number }[];
  temperature: { temperature: number | null; nFit: number; nReport: number; before: { nll: number }; after: { nll: number } };
}

test('calibration of every model equals the statistics of its stored probabilities over the emotions it can emit', async () => {
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  const { calibration } = await graphqlData<{ calibration: Calibration[] }>(api.server.url, CALIBRATION, { dataset: 'tiny', bins: 10, threshold: 0.5 });
  assert.deepEqual(calibration.map((c) => c.model.id), ['alpha', 'beta', 'gamma']);
  for (const c of calibration) {
    const emits = c.model.id === 'gamma' ? [0, 1, 2, 3, 4, 5, 6, 7] : [0, 1, 2, 3, 4, 5, 6];
    assert.deepEqual(c.classes, emits.map((k) => EMOTIONS[k]));
    const rows = stored.filter((s) => s.modelId === c.model.id && s.gold !== null && emits.includes(s.gold)).sort((a, b) => Number(a.imageId) - Number(b.imageId));
    const expected = calibrationReport(rows.map((r) => ({ p: emits.map((k) => r.probs[k]!), gold: emits.indexOf(r.gold!) })), { bins: 10, threshold: 0.5 });
    assert.equal(c.n, rows.length);
    for (const key of ['accuracy', 'ece', 'mce', 'brier', 'nll', 'aurc'] as const) assert.ok(Math.abs(c[key] - expected[key]!) < 1e-12, `${c.model.id} ${key}: ${c[key]} vs ${expected[key]}`);
    assert.deepEqual(c.selective, expected.selective);
    assert.deepEqual(c.reliability.map((b) => b.n), expected.reliability.map((b) => b.n));
    assert.equal(c.riskCoverage.at(-1)!.coverage, 1);
    assert.ok(Math.abs(c.riskCoverage.at(-1)!.risk - (1 - expected.accuracy!)) < 1e-12, 'full coverage: the overall error rate');
    assert.equal(c.temperature.nFit + c.temperature.nReport, c.n);
    assert.ok(c.temperature.temperature! > 0);
  }
});

test('calibration refuses bins and thresholds out of range, naming the argument', async () => {
  const bad = await graphqlRequest(api.server.url, CALIBRATION, { dataset: 'tiny', bins: 0 });
  assert.match(bad.errors?.[0]?.message ?? '', /bins: expected at least 1/);
  const tau = await graphqlRequest(api.server.url, CALIBRATION, { dataset: 'tiny', threshold: 1.5 });
  assert.match(tau.errors?.[0]?.message ?? '', /threshold: expected a number from 0 to 1/);
});

const GATED = `query ($dataset: ID!, $thresholds: [Float!]) {
  gatedAgreement(dataset: $dataset, thresholds: $thresholds) { models { id } labelSet nComplete points { threshold nFaces coverage kappa } }
}`;

test('κ under gating equals the textbook κ over the faces where every model is confident enough', async () => {
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  const { gatedAgreement } = await graphqlData<{ gatedAgreement: { models: { id: string }[]; labelSet: string[]; nComplete: number; points: { threshold: number; nFaces: number; coverage: number; kappa: number | null }[] } }>(
    api.server.url,
    GATED,
    { dataset: 'tiny', thresholds: [0, 0.2, 0.3, 0.4, 0.5] },
  );
  const models = gatedAgreement.models.map((m) => m.id);
  assert.deepEqual(models, ['alpha', 'beta', 'gamma']);
  const allowed = [0, 1, 2, 3, 4, 5, 6];
  const byFace = new Map<string, typeof stored>();
  for (const s of stored) byFace.set(s.imageId, [...(byFace.get(s.imageId) ?? []), s]);
  const complete = [...byFace.values()].filter((rows) => rows.length === 3);
  assert.equal(gatedAgreement.nComplete, complete.length);
  for (const point of gatedAgreement.points) {
    const kept = complete.filter((rows) => rows.every((r) => Math.max(...r.probs.filter((p): p is number => p !== null)) >= point.threshold));
    assert.equal(point.nFaces, kept.length, `τ ${point.threshold}`);
    assert.equal(point.coverage, kept.length / complete.length);
    if (kept.length === 0) {
      assert.equal(point.kappa, null, `τ ${point.threshold}: no face kept, no κ`);
      continue;
    }
    const expected = textbookFleissKappa(kept.map((rows) => rows.map((r) => labelWithin(r, allowed))), allowed);
    assert.ok(Math.abs(point.kappa! - expected) < 1e-12, `τ ${point.threshold}: κ ${point.kappa} vs ${expected}`);
  }
  const partly = gatedAgreement.points.filter((p) => p.nFaces > 1 && p.nFaces < complete.length);
  assert.ok(partly.length > 0, `some τ keeps part of the faces: ${gatedAgreement.points.map((p) => p.nFaces).join(', ')}`);
});

const CREATE = `mutation ($input: CreateEnsembleInput!) { createEnsemble(input: $input) { model { id ensemble { rule members builtin } } datasets { datasetId faces } } }`;

test('createEnsemble: token holders only; then it is on the leaderboard, marked, and out of default κ', async () => {
  const input = { id: 'ab-mean', models: ['alpha', 'beta'], rule: 'mean' };
  const anonymous = await graphqlRequest(api.server.url, CREATE, { input });
  assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  const auth = { authorization: `Bearer ${token}` };
  const unknown = await graphqlRequest(api.server.url, CREATE, { input: { ...input, models: ['alpha', 'nope'] } }, auth);
  assert.equal(unknown.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  assert.match(unknown.errors?.[0]?.message ?? '', /models: unknown model\(s\) nope/);
  const rule = await graphqlRequest(api.server.url, CREATE, { input: { ...input, rule: 'max' } }, auth);
  assert.match(rule.errors?.[0]?.message ?? '', /rule: expected "mean" or "vote", got "max"/);

  const { createEnsemble } = await graphqlData<{ createEnsemble: { model: { id: string; ensemble: unknown }; datasets: { datasetId: string; faces: number }[] } }>(api.server.url, CREATE, { input }, auth);
  assert.deepEqual(createEnsemble.model, { id: 'ab-mean', ensemble: { rule: 'mean', members: ['alpha', 'beta'], builtin: false } });
  // beta skipped 4 of tiny's 40 faces: the ensemble predicts the 36 both predicted
  assert.deepEqual(createEnsemble.datasets, [{ datasetId: 'other', faces: 5 }, { datasetId: 'tiny', faces: 36 }]);
  const taken = await graphqlRequest(api.server.url, CREATE, { input }, auth);
  assert.equal(taken.errors?.[0]?.extensions?.code, 'CONFLICT');

  const { leaderboard } = await graphqlData<{ leaderboard: { entries: { model: { id: string; ensemble: { members: string[] } | null }; n: number }[] } }>(
    api.server.url,
    `query { leaderboard(dataset: "tiny") { entries { model { id ensemble { members } } n } } }`,
  );
  const entry = leaderboard.entries.find((e) => e.model.id === 'ab-mean');
  assert.deepEqual(entry?.model.ensemble?.members, ['alpha', 'beta']);
  assert.equal(leaderboard.entries.filter((e) => e.model.ensemble === null).length, 3);
  const { gatedAgreement } = await graphqlData<{ gatedAgreement: { models: { id: string }[] } }>(api.server.url, GATED, { dataset: 'tiny', thresholds: [0] });
  assert.deepEqual(gatedAgreement.models.map((m) => m.id), ['alpha', 'beta', 'gamma'], 'ensembles are left out of κ among models unless asked for');
  const { calibration } = await graphqlData<{ calibration: Calibration[] }>(api.server.url, CALIBRATION, { dataset: 'tiny', models: ['ab-mean'] });
  const ensembleRows = (await readStoredPredictions(api.db.url, 'tiny')).filter((s) => s.modelId === 'ab-mean');
  assert.equal(ensembleRows.length, 36);
  assert.equal(calibration[0]!.n, ensembleRows.filter((r) => r.gold !== null).length, 'the faces with a gold label');
  assert.deepEqual(calibration[0]!.classes, EMOTIONS.slice(0, 7));
});
