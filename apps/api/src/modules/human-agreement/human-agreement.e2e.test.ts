import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { importDataset } from '@ferbench/datasets';
import { poolDatabase } from '@ferbench/db';
import { readModelCard } from '@ferbench/inference';
import { addModel, shippedCardFiles } from '@ferbench/models';
import { runModels } from '@ferbench/runs';
import { HUMAN_VOTE_CATEGORIES, cohenKappa, itemAgreement, pearsonCorrelation, spearmanCorrelation, wilsonInterval } from '@ferbench/shared';
import { createTestDatabase, ferplusSubset, fixture } from '@ferbench/testkit';
import pg from 'pg';
import { createServer } from '../../server/create-server.js';
import { graphqlData } from '../../testing/graphql-request.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

const MODELS = ['mini-xception-119', 'mobilefacenet-int8'];
const FACES = 240;

const ESTIMATE = 'value reason n se ciLow ciHigh';
const HUMAN_AGREEMENT = `query ($dataset: ID!) {
  humanAgreement(dataset: $dataset, resamples: 200, seed: 7) {
    models { id } labelSet humanCategories votedFaces votesPerFace
    humans { ${ESTIMATE} interpretation }
    modelsKappa { ${ESTIMATE} }
    modelsVsMajority { model { id } n accuracy accuracySe accuracyCiLow accuracyCiHigh kappa { value n se ciLow ciHigh } }
    modelsAndMajority { ${ESTIMATE} }
    entropy { n pearson { value reason n ciLow ciHigh } spearman { value reason n ciLow ciHigh } cells { humanEntropyBits modelEntropyBits faces } }
  }
}`;

interface Estimate {
  value: number | null;
  reason: string | null;
  n: number;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}
interface Correlation {
  value: number | null;
  reason: string | null;
  n: number;
  ciLow: number | null;
  ciHigh: number | null;
}
interface HumanAgreement {
  models: { id: string }[];
  labelSet: string[];
  humanCategories: string[];
  votedFaces: number;
  votesPerFace: number;
  humans: Estimate & { interpretation: string | null };
  modelsKappa: Estimate;
  modelsVsMajority: { model: { id: string }; n: number; accuracy: number; accuracySe: number; accuracyCiLow: number; accuracyCiHigh: number; kappa: { value: number; n: number; se: number; ciLow: number; ciHigh: number } }[];
  modelsAndMajority: Estimate;
  entropy: { n: number; pearson: Correlation; spearman: Correlation; cells: { humanEntropyBits: number; modelEntropyBits: number; faces: number }[] };
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

/**
 * Equal entropies from different vote patterns can differ in the last bit; the API rounds them to 12 decimals so
 * Spearman ranks them as ties, and so does the test.
 */
const tieSafe = (bits: number) => Number(bits.toFixed(12));

/** Each face's human votes as stored, one count per HUMAN_VOTE_CATEGORIES index. */
async function storedHumanVotes(url: string, datasetId: string): Promise<Map<string, number[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ image_id: string; label: number; votes: number }>(
      `SELECT v.image_id::text, v.label, v.votes FROM human_votes v JOIN images i ON i.id = v.image_id WHERE i.dataset_id = $1`,
      [datasetId],
    );
    const faces = new Map<string, number[]>();
    for (const r of rows) {
      const counts = faces.get(r.image_id) ?? HUMAN_VOTE_CATEGORIES.map(() => 0);
      counts[r.label] = r.votes;
      faces.set(r.image_id, counts);
    }
    return faces;
  } finally {
    await client.end();
  }
}

/**
 * The real slice on people as raters: the runner imports the first 240 faces of FER+ test with their 10 votes each
 * and runs both shipped models on them; every number humanAgreement answers is recomputed here from the stored rows.
 */
test('humanAgreement on a real FER+ subset equals what the stored votes and predictions give', { timeout: 10 * 60_000 }, async (t) => {
  const ferplus = fixture(t, 'data', 'ferplus');
  const modelsDir = fixture(t, 'models');
  if (ferplus === undefined || modelsDir === undefined) return;
  const subset = ferplusSubset(ferplus, FACES);
  const db = await createTestDatabase('api_humans');
  const runner = poolDatabase(db.url);
  t.after(async () => {
    await runner.close();
    await db.drop();
    subset.cleanup();
  });
  const imported = await importDataset(runner.pool, { format: 'ferplus', root: subset.root, id: 'ferplus' });
  assert.deepEqual([imported.inserted, imported.humanVotesWritten, imported.skipped.length], [FACES, FACES, 0]);
  for (const cardFile of shippedCardFiles()) {
    const card = await readModelCard(cardFile);
    if (MODELS.includes(card.id)) await addModel(runner.pool, { onnxFile: path.join(modelsDir, card.file), card });
  }
  const runs = await runModels(runner.pool, { datasets: ['ferplus'], models: MODELS, modelsDir, device: 'cpu', progress: false });
  assert.deepEqual(
    runs.map((r) => r.status),
    MODELS.map(() => 'done'),
  );
  await runner.pool.query(`INSERT INTO datasets (id, name, format, root, label_map) VALUES ('unvoted', 'Unvoted', 'test-folders', 'unvoted', '{}')`);
  const server = await createServer({ databaseUrl: db.url, datasetsRoot: subset.root });
  t.after(() => server.stop());

  const { humanAgreement: h } = await graphqlData<{ humanAgreement: HumanAgreement }>(server.url, HUMAN_AGREEMENT, { dataset: 'ferplus' });
  const votes = await storedHumanVotes(db.url, 'ferplus');
  // the models' own rows: `runModels` also wrote zoo-mean and zoo-vote, which κ among models leaves out
  const predictions = (await readStoredPredictions(db.url, 'ferplus')).filter((p) => MODELS.includes(p.modelId));
  const allowed = indicesOf(h.labelSet);
  const gold = new Map(predictions.map((p) => [p.imageId, p.gold]));
  const ratings = new Map<string, number[]>();
  for (const p of predictions) ratings.set(p.imageId, [...(ratings.get(p.imageId) ?? []), labelWithin(p, allowed)]);

  await t.test('humans: Fleiss κ over the 10 vote categories of every face', () => {
    assert.deepEqual(h.humanCategories, [...HUMAN_VOTE_CATEGORIES]);
    assert.deepEqual([h.votedFaces, h.votesPerFace, votes.size], [FACES, 10, FACES]);
    const faces = [...votes.values()].map((counts) => counts.flatMap((n, k) => new Array<number>(n).fill(k)));
    close(h.humans.value, textbookFleissKappa(faces, HUMAN_VOTE_CATEGORIES.map((_, k) => k)), 'human κ');
    assert.equal(h.humans.n, FACES);
    assert.ok(h.humans.se! > 0 && h.humans.ciLow! < h.humans.value! && h.humans.value! < h.humans.ciHigh!, JSON.stringify(h.humans));
    t.diagnostic(`FER+ test, first ${FACES} faces: human κ ${h.humans.value} [${h.humans.ciLow}, ${h.humans.ciHigh}]`);
  });

  await t.test('models: Fleiss κ of the two models, and of the models with the human majority as a third rater', () => {
    assert.deepEqual(h.models.map((m) => m.id).sort(), [...MODELS].sort());
    assert.equal(h.labelSet.length, 7, 'both models emit the 7 FER2013 emotions');
    const both = [...ratings.values()].filter((labels) => labels.length === MODELS.length);
    assert.equal(h.modelsKappa.n, both.length);
    assert.equal(both.length, FACES);
    close(h.modelsKappa.value, textbookFleissKappa(both, allowed), 'models κ');
    const withMajority = [...ratings.entries()].filter(([id]) => allowed.includes(gold.get(id) ?? -1)).map(([id, labels]) => [...labels, gold.get(id)!]);
    assert.equal(h.modelsAndMajority.n, withMajority.length);
    close(h.modelsAndMajority.value, textbookFleissKappa(withMajority, allowed), 'models + majority κ');
  });

  await t.test('each model against the human majority: accuracy and Cohen κ over the faces whose majority is in the label set', () => {
    for (const entry of h.modelsVsMajority) {
      const table = allowed.map(() => allowed.map(() => 0));
      let correct = 0;
      for (const p of predictions)
        if (p.modelId === entry.model.id && p.gold !== null && allowed.includes(p.gold)) {
          const said = labelWithin(p, allowed);
          table[allowed.indexOf(p.gold)]![allowed.indexOf(said)]! += 1;
          if (said === p.gold) correct += 1;
        }
      const n = table.flat().reduce((a, b) => a + b, 0);
      assert.deepEqual([entry.n, entry.kappa.n], [n, n]);
      close(entry.accuracy, correct / n, `${entry.model.id} accuracy`);
      close(entry.accuracySe, Math.sqrt((correct / n) * (1 - correct / n) / n), `${entry.model.id} accuracy SE`);
      const wilson = wilsonInterval(correct, n);
      close(entry.accuracyCiLow, wilson.ciLow!, `${entry.model.id} accuracy CI low`);
      close(entry.accuracyCiHigh, wilson.ciHigh!, `${entry.model.id} accuracy CI high`);
      const kappa = cohenKappa(table);
      close(entry.kappa.value, kappa.value!, `${entry.model.id} κ vs majority`);
      t.diagnostic(`${entry.model.id} vs human majority: n ${n}, accuracy ${entry.accuracy}, κ ${entry.kappa.value}`);
    }
  });

  await t.test('entropy: per face human vs model vote entropy, Pearson and Spearman over the faces with both', () => {
    const pairs = [...votes.entries()]
      .filter(([id]) => ratings.get(id)?.length === MODELS.length)
      .map(([id, counts]) => ({
        x: tieSafe(itemAgreement(HUMAN_VOTE_CATEGORIES, counts).entropyBits!),
        y: tieSafe(itemAgreement(h.labelSet, allowed.map((k) => ratings.get(id)!.filter((l) => l === k).length)).entropyBits!),
        weight: 1,
      }));
    assert.equal(h.entropy.n, pairs.length);
    // 4-3-3 and 6-2-1-1 of 10 votes have the same entropy: one value, not two that differ in the last bit.
    assert.equal(h.entropy.cells.filter((c) => Math.abs(c.humanEntropyBits - 1.5709505944546686) < 1e-9 && c.modelEntropyBits === 0).length, 1);
    assert.equal(h.entropy.cells.reduce((a, c) => a + c.faces, 0), pairs.length);
    const pearson = pearsonCorrelation(pairs);
    const spearman = spearmanCorrelation(pairs);
    assert.ok(pearson.value !== null && spearman.value !== null);
    close(h.entropy.pearson.value, pearson.value, 'Pearson r');
    close(h.entropy.pearson.ciLow, pearson.ciLow!, 'Pearson ciLow');
    close(h.entropy.spearman.value, spearman.value, 'Spearman ρ');
    close(h.entropy.spearman.ciHigh, spearman.ciHigh!, 'Spearman ciHigh');
    // Two models: a face's model entropy is 0 (they agree) or 1 bit (they do not).
    assert.deepEqual([...new Set(h.entropy.cells.map((c) => c.modelEntropyBits))].sort(), [0, 1]);
    t.diagnostic(`entropy: n ${h.entropy.n}, Pearson ${pearson.value} [${pearson.ciLow}, ${pearson.ciHigh}], Spearman ${spearman.value}`);
  });

  await t.test('images ordered by human entropy and Dataset.humanVotedFaces read the imported votes', async () => {
    const data = await graphqlData<{
      images: { edges: { agreement: { humanVotes: number; humanEntropyBits: number } }[] };
      ferplus: { humanVotedFaces: number };
      unvoted: { humanVotedFaces: number };
    }>(
      server.url,
      `query { images(dataset: "ferplus", orderBy: { field: HUMAN_ENTROPY, direction: DESC }, first: 2) { edges { agreement { humanVotes humanEntropyBits } } }
               ferplus: dataset(id: "ferplus") { humanVotedFaces } unvoted: dataset(id: "unvoted") { humanVotedFaces } }`,
    );
    const most = Math.max(...[...votes.values()].map((counts) => itemAgreement(HUMAN_VOTE_CATEGORIES, counts).entropyBits!));
    assert.deepEqual(data.images.edges.map((e) => e.agreement.humanVotes), [10, 10]);
    close(data.images.edges[0]!.agreement.humanEntropyBits, most, 'highest human entropy');
    assert.deepEqual([data.ferplus.humanVotedFaces, data.unvoted.humanVotedFaces], [FACES, 0]);
  });

  await t.test('a dataset without human votes answers null statistics with their reasons', async () => {
    const { humanAgreement } = await graphqlData<{ humanAgreement: HumanAgreement }>(server.url, HUMAN_AGREEMENT, { dataset: 'unvoted' });
    assert.deepEqual([humanAgreement.votedFaces, humanAgreement.votesPerFace, humanAgreement.humans.value, humanAgreement.entropy.n], [0, 0, null, 0]);
    assert.match(humanAgreement.humans.reason!, /no items/);
    assert.equal(humanAgreement.entropy.pearson.reason, 'a correlation needs at least 2 items, there are 0');
  });
});
