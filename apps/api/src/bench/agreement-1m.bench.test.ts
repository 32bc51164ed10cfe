/** The benchmark's data and its run, at a size a test can afford: `npm run bench` runs the same code at 1,000,000 faces. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '@ferbench/testkit';
import pg from 'pg';
import { createServer } from '../server/create-server.js';
import { graphqlData } from '../testing/graphql-request.js';
import { indicesOf, readStoredPredictions } from '../testing/stored-predictions.js';
import { textbookFleissKappa } from '../testing/textbook-fleiss.js';
import { formatAgreementBench, runAgreementBenchmark } from './agreement-1m.bench.js';
import { insertSyntheticBenchmark } from './synthetic-predictions.js';

test('synthetic predictions: the rows described, the same for the same seed, and the API’s κ is their textbook κ', async () => {
  const db = await createTestDatabase('bench_synthetic');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const data = await insertSyntheticBenchmark(client, { faces: 2000, raters: 10, seed: 7 });
    const { rows } = await client.query<{ n: number; digest: string }>(`SELECT count(*)::int AS n, md5(string_agg(model_id || image_id || label, ',' ORDER BY model_id, image_id)) AS digest FROM predictions`);
    assert.equal(data.predictionRows, rows[0]!.n);
    const missing = 1 - data.predictionRows / (2000 * 10);
    assert.ok(missing > 0.002 && missing < 0.01, `${missing} of the ratings are missing, about 0.5 % as described`);

    const stored = await readStoredPredictions(db.url, data.datasetId);
    for (const [m, id] of data.modelIds.entries()) {
      const own = stored.filter((p) => p.modelId === id);
      const accuracy = own.filter((p) => p.label === p.gold).length / own.length;
      const expected = 0.55 + 0.03 * m + (1 - 0.55 - 0.03 * m) / 7;
      assert.ok(Math.abs(accuracy - expected) < 0.04, `${id}: accuracy ${accuracy}, about ${expected} as described`);
    }

    const server = await createServer({ databaseUrl: db.url, datasetsRoot: '/nonexistent' });
    try {
      const { agreement } = await graphqlData<{ agreement: { nFaces: number; labelSet: string[]; fleissKappa: number } }>(
        server.url,
        `query ($d: ID!) { agreement(dataset: $d, resamples: 0) { nFaces labelSet fleissKappa } }`,
        { d: data.datasetId },
      );
      const byFace = new Map<string, number[]>();
      for (const p of stored) byFace.set(p.imageId, [...(byFace.get(p.imageId) ?? []), p.label]);
      const complete = [...byFace.values()].filter((labels) => labels.length === 10);
      assert.equal(agreement.nFaces, complete.length);
      assert.ok(Math.abs(agreement.fleissKappa - textbookFleissKappa(complete, indicesOf(agreement.labelSet))) < 1e-9);
    } finally {
      await server.stop();
    }

    const again = await createTestDatabase('bench_synthetic_again');
    const second = new pg.Client({ connectionString: again.url });
    await second.connect();
    try {
      await insertSyntheticBenchmark(second, { faces: 2000, raters: 10, seed: 7 });
      const repeat = await second.query<{ digest: string }>(`SELECT md5(string_agg(model_id || image_id || label, ',' ORDER BY model_id, image_id)) AS digest FROM predictions`);
      assert.equal(repeat.rows[0]!.digest, rows[0]!.digest, 'the same seed writes the same rows');
    } finally {
      await second.end();
      await again.drop();
    }
  } finally {
    await client.end();
    await db.drop();
  }
});

test('the benchmark runs end to end and reports what it measured', async () => {
  const lines: string[] = [];
  const result = await runAgreementBenchmark({ faces: 1500, raters: 10, resamples: 20, repetitions: 1, log: (line) => lines.push(line) });
  assert.equal(result.faces, 1500);
  assert.ok(result.patterns > 1 && result.patterns < 1500, `${result.patterns} patterns`);
  assert.equal(result.values.fleiss.n, result.values.nFaces);
  assert.ok(result.values.gwetAc1.n === 1500 && result.values.krippendorffAlpha.n === 1500, 'every face has at least two ratings');
  assert.equal(result.valuesWithBootstrap.fleiss.value, result.values.fleiss.value);
  assert.ok(result.valuesWithBootstrap.fleiss.ciLow !== null && result.values.fleiss.ciLow === null);
  assert.equal(result.agreement.samples.length, 1);
  const table = formatAgreementBench(result);
  assert.match(table, /10 raters × 1,500 faces/);
  assert.match(table, /rows\/s/);
  assert.ok(lines.some((line) => /prediction rows/.test(line)));
});
