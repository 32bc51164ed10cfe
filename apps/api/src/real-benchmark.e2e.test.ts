import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { KNOWN_DATASETS, importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { createTestDatabase, fixture } from '@ferbench/testkit';
import { createServer } from './server/create-server.js';
import { graphqlData } from './testing/graphql-request.js';
import { indicesOf, readStoredPredictions } from './testing/stored-predictions.js';
import { textbookFleissKappa } from './testing/textbook-fleiss.js';

const MODELS = ['mini-xception-119', 'mobilefacenet-int8'];

interface Leaderboard {
  entries: { model: { id: string }; n: number; accuracy: number | null; labelSet: string[] }[];
}
interface Agreement {
  models: { id: string }[];
  nFaces: number;
  labelSet: string[];
  fleissKappa: number | null;
}

/**
 * The whole slice on real data: the runner library imports RAF-DB test (3,068) and FER2013 test (7,178) and runs
 * both shipped ONNX models on both into a real Postgres; the API then answers from those rows.
 */
test('real benchmark: FER2013 and RAF-DB through the runner, scored and compared through GraphQL', { timeout: 40 * 60_000 }, async (t) => {
  const datasetsRoot = fixture(t, 'data');
  const modelsDir = fixture(t, 'models');
  if (datasetsRoot === undefined || modelsDir === undefined) return;
  for (const known of KNOWN_DATASETS) if (fixture(t, 'data', known.folder) === undefined) return;

  const db = await createTestDatabase('api_real');
  const runner = poolDatabase(db.url);
  t.after(async () => {
    await runner.close();
    await db.drop();
  });
  for (const known of KNOWN_DATASETS)
    await importDataset(runner.pool, { format: known.format, root: path.join(datasetsRoot, known.folder), id: known.id });
  for (const cardFile of shippedCardFiles()) {
    const card = await readModelCard(cardFile);
    if (MODELS.includes(card.id)) await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
  }
  const runs = await runModels(runner.pool, { datasets: ['fer2013', 'rafdb'], models: MODELS, modelsDir, device: 'cpu', progress: false });
  assert.deepEqual(
    runs.map((r) => r.status),
    runs.map(() => 'done'),
  );

  const server = await createServer({ databaseUrl: db.url, datasetsRoot });
  t.after(() => server.stop());

  const { leaderboard } = await graphqlData<{ leaderboard: Leaderboard }>(
    server.url,
    `query { leaderboard(dataset: "fer2013") { entries { model { id } n accuracy labelSet } } }`,
  );
  const mini = leaderboard.entries.find((e) => e.model.id === 'mini-xception-119')!;
  assert.equal(mini.n, 7178);
  assert.ok(mini.accuracy! > 0.62 && mini.accuracy! < 0.67, `mini-xception-119 on FER2013 test: accuracy ${mini.accuracy}`);
  // runModels computed zoo-mean and zoo-vote of the two zoo models over every face: on the leaderboard, not in κ.
  for (const id of ['zoo-mean', 'zoo-vote']) assert.equal(leaderboard.entries.find((e) => e.model.id === id)?.n, 7178, `${id} on the FER2013 leaderboard`);

  for (const dataset of ['fer2013', 'rafdb']) {
    const { agreement } = await graphqlData<{ agreement: Agreement }>(
      server.url,
      `query ($dataset: ID!) { agreement(dataset: $dataset) { models { id } nFaces labelSet fleissKappa } }`,
      { dataset },
    );
    assert.deepEqual(agreement.models.map((m) => m.id).sort(), [...MODELS].sort());
    // Both models emit the same seven emotions, so no prediction is restricted: the stored labels are the ratings.
    assert.equal(agreement.labelSet.length, 7);
    const byFace = new Map<string, number[]>();
    for (const p of (await readStoredPredictions(db.url, dataset)).filter((r) => MODELS.includes(r.modelId))) byFace.set(p.imageId, [...(byFace.get(p.imageId) ?? []), p.label]);
    const faces = [...byFace.values()].filter((labels) => labels.length === MODELS.length);
    assert.equal(agreement.nFaces, faces.length);
    const expected = textbookFleissKappa(faces, indicesOf(agreement.labelSet));
    assert.ok(Math.abs(agreement.fleissKappa! - expected) < 1e-9, `${dataset}: κ ${agreement.fleissKappa} vs ${expected}`);
    t.diagnostic(`${dataset}: ${agreement.nFaces} faces, Fleiss κ ${agreement.fleissKappa}`);
  }
  t.diagnostic(`FER2013 leaderboard: ${leaderboard.entries.map((e) => `${e.model.id} ${e.accuracy?.toFixed(4)}`).join(', ')}`);
});
