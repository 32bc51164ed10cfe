import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMOTIONS } from '@ferbench/shared';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { JAFFE_MODELS, jaffeBenchmark } from '../../testing/jaffe-benchmark.fixture.js';
import { readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookSpearman } from '../../testing/textbook-spearman.js';

const CORRELATION = 'value reason n ciLow ciHigh ciLevel';
const QUERY = `query ($dataset: ID!, $models: [ID!]) {
  ratingCorrelation(dataset: $dataset, models: $models) {
    dataset { id dataSha256 humanRatedFaces } ratedFaces emotions scaleMin scaleMax raters method
    models { model { id sha256 } pooled { ${CORRELATION} } emotions { emotion spearman { ${CORRELATION} } } }
  }
}`;

interface Correlation {
  value: number | null;
  reason: string | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
  ciLevel: number;
}
interface RatingCorrelation {
  dataset: { id: string; dataSha256: string; humanRatedFaces: number };
  ratedFaces: number;
  emotions: string[];
  scaleMin: number;
  scaleMax: number;
  raters: number;
  method: string;
  models: { model: { id: string; sha256: string }; pooled: Correlation; emotions: { emotion: string; spearman: Correlation }[] }[];
}

/** Each rated face's mean ratings as stored, by image id and canonical emotion index. */
async function storedRatings(url: string): Promise<Map<string, Map<number, number>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ image_id: string; label: number; mean: number }>(`SELECT image_id::text, label, mean FROM human_ratings`);
    const faces = new Map<string, Map<number, number>>();
    for (const r of rows) faces.set(r.image_id, (faces.get(r.image_id) ?? new Map()).set(r.label, r.mean));
    return faces;
  } finally {
    await client.end();
  }
}

const fisher = (rho: number, n: number) => {
  const half = 1.959963984540054 * Math.sqrt(1.06 / (n - 3));
  return [Math.tanh(Math.atanh(rho) - half), Math.tanh(Math.atanh(rho) + half)];
};

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

test('ratingCorrelation on real JAFFE: each model’s probability vs people’s mean rating equals a textbook Spearman ρ of the stored rows', { timeout: 10 * 60_000 }, async (t) => {
  const api = await jaffeBenchmark(t, 'api_ratings');
  if (api === undefined) return;
  const { ratingCorrelation: r } = await graphqlData<{ ratingCorrelation: RatingCorrelation }>(api.url, QUERY, { dataset: 'jaffe' });
  assert.deepEqual([r.ratedFaces, r.dataset.humanRatedFaces, r.scaleMin, r.scaleMax, r.raters], [213, 213, 1, 5, 60]);
  assert.deepEqual(r.emotions, ['happiness', 'sadness', 'surprise', 'fear', 'disgust', 'anger']);
  assert.match(r.method, /Spearman.*mid-ranks.*Fisher's z.*1\.06/);
  assert.match(r.dataset.dataSha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(r.models.map((m) => m.model.id).sort(), [...JAFFE_MODELS].sort());

  const ratings = await storedRatings(api.databaseUrl);
  const predictions = await readStoredPredictions(api.databaseUrl, 'jaffe');
  for (const m of r.models) {
    assert.match(m.model.sha256, /^[0-9a-f]{64}$/);
    const mine = predictions.filter((p) => p.modelId === m.model.id);
    const pooled: { x: number[]; y: number[] } = { x: [], y: [] };
    for (const e of m.emotions) {
      const k = (EMOTIONS as readonly string[]).indexOf(e.emotion);
      const x = mine.map((p) => p.probs[k]!);
      const y = mine.map((p) => ratings.get(p.imageId)!.get(k)!);
      pooled.x.push(...x);
      pooled.y.push(...y);
      const rho = textbookSpearman(x, y);
      assert.equal(e.spearman.n, 213, `${m.model.id} ${e.emotion}`);
      close(e.spearman.value, rho, `${m.model.id} ${e.emotion} ρ`);
      const [low, high] = fisher(rho, 213);
      close(e.spearman.ciLow, low!, `${m.model.id} ${e.emotion} ciLow`);
      close(e.spearman.ciHigh, high!, `${m.model.id} ${e.emotion} ciHigh`);
      assert.equal(e.spearman.ciLevel, 0.95);
      t.diagnostic(`${m.model.id} ${e.emotion}: ρ ${rho.toFixed(3)} [${low!.toFixed(3)}, ${high!.toFixed(3)}] n 213`);
    }
    assert.equal(m.pooled.n, 213 * 6);
    close(m.pooled.value, textbookSpearman(pooled.x, pooled.y), `${m.model.id} pooled ρ`);
    // Models that read emotions at all give more probability where people see more of an emotion: ρ > 0 beyond its CI.
    assert.ok(m.pooled.ciLow! > 0, `${m.model.id} pooled ρ ${m.pooled.value} [${m.pooled.ciLow}, ${m.pooled.ciHigh}]`);
    t.diagnostic(`${m.model.id} pooled: ρ ${m.pooled.value!.toFixed(3)} [${m.pooled.ciLow!.toFixed(3)}, ${m.pooled.ciHigh!.toFixed(3)}] n ${m.pooled.n}`);
  }

  const one = await graphqlData<{ ratingCorrelation: RatingCorrelation }>(api.url, QUERY, { dataset: 'jaffe', models: ['mini-xception-119'] });
  assert.deepEqual(one.ratingCorrelation.models.map((m) => m.model.id), ['mini-xception-119']);
  const twice = await graphqlRequest(api.url, QUERY, { dataset: 'jaffe', models: ['mini-xception-119', 'mini-xception-119'] });
  assert.match(JSON.stringify(twice.errors), /a model may be chosen only once/);
});
