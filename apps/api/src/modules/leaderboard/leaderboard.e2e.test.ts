import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { labelWithin, readStoredPredictions, type StoredPrediction } from '../../testing/stored-predictions.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_leaderboard');
});
after(() => api?.stop());

interface Entry {
  model: { id: string };
  n: number;
  accuracy: number | null;
  macroF1: number | null;
  labelSet: string[];
  accuracyCiLow: number;
  accuracyCiHigh: number;
  kappa: number;
}

/** The 95% Wilson score interval, from its formula. */
function wilson(right: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = right / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [centre - half, centre + half];
}

/** Cohen's κ of predictions against gold, from the definition. */
function cohen(pairs: [number, number][], labels: number[]): number {
  const n = pairs.length;
  const po = pairs.filter(([g, p]) => g === p).length / n;
  const pe = labels.reduce((a, k) => a + (pairs.filter(([g]) => g === k).length / n) * (pairs.filter(([, p]) => p === k).length / n), 0);
  return (po - pe) / (1 - pe);
}

const LEADERBOARD = `query ($dataset: ID!) {
  leaderboard(dataset: $dataset) { dataset { id imageCount } entries { model { id } n accuracy macroF1 labelSet accuracyCiLow accuracyCiHigh kappa } }
}`;

/** Accuracy and macro-F1 the textbook way, from per-face pairs. */
function score(pairs: [gold: number, predicted: number][], labels: number[]) {
  const accuracy = pairs.filter(([g, p]) => g === p).length / pairs.length;
  const f1s = labels.flatMap((k) => {
    const tp = pairs.filter(([g, p]) => g === k && p === k).length;
    const fp = pairs.filter(([g, p]) => g !== k && p === k).length;
    const fn = pairs.filter(([g, p]) => g === k && p !== k).length;
    return tp + fp + fn === 0 ? [] : [(2 * tp) / (2 * tp + fp + fn)];
  });
  return { accuracy, macroF1: f1s.reduce((a, b) => a + b, 0) / f1s.length };
}

test('leaderboard: accuracy and macro-F1 of every model equal the values recomputed from the stored rows', async () => {
  const stored = await readStoredPredictions(api.db.url, 'tiny');
  const { leaderboard } = await graphqlData<{ leaderboard: { dataset: { id: string; imageCount: number }; entries: Entry[] } }>(
    api.server.url,
    LEADERBOARD,
    { dataset: 'tiny' },
  );
  assert.equal(leaderboard.dataset.id, 'tiny');
  assert.equal(leaderboard.dataset.imageCount, 40);
  assert.deepEqual(leaderboard.entries.map((e) => e.model.id).sort(), ['alpha', 'beta', 'gamma']);

  // The fixture's gold labels use neither disgust nor contempt, so each model is scored over the other six.
  const goldLabels = [...new Set(stored.flatMap((s) => (s.gold === null ? [] : [s.gold])))].sort();
  assert.deepEqual(goldLabels, [0, 1, 2, 3, 4, 6]);
  const gammaRestricted = stored.filter((s) => s.modelId === 'gamma' && !goldLabels.includes(s.label));
  assert.ok(gammaRestricted.length > 0, 'the fixture has contempt predictions, so the restriction rule is exercised');

  for (const entry of leaderboard.entries) {
    const rows = stored.filter((s): s is StoredPrediction & { gold: number } => s.modelId === entry.model.id && s.gold !== null);
    const pairs = rows.map((s): [number, number] => [s.gold, labelWithin(s, goldLabels)]);
    const expected = score(pairs, goldLabels);
    assert.deepEqual(entry.labelSet, ['neutral', 'happiness', 'sadness', 'surprise', 'fear', 'anger']);
    assert.equal(entry.n, rows.length, `${entry.model.id}: n`);
    assert.ok(Math.abs(entry.accuracy! - expected.accuracy) < 1e-12, `${entry.model.id}: accuracy ${entry.accuracy} vs ${expected.accuracy}`);
    assert.ok(Math.abs(entry.macroF1! - expected.macroF1) < 1e-12, `${entry.model.id}: macro-F1 ${entry.macroF1} vs ${expected.macroF1}`);
    const [low, high] = wilson(pairs.filter(([g, p]) => g === p).length, pairs.length);
    assert.ok(Math.abs(entry.accuracyCiLow - low) < 1e-12 && Math.abs(entry.accuracyCiHigh - high) < 1e-12, `${entry.model.id}: Wilson CI`);
    assert.ok(Math.abs(entry.kappa - cohen(pairs, goldLabels)) < 1e-12, `${entry.model.id}: κ against gold`);
  }
  const accuracies = leaderboard.entries.map((e) => e.accuracy!);
  assert.deepEqual(accuracies, [...accuracies].sort((a, b) => b - a), 'best accuracy first');
});

test('leaderboard of an unknown dataset is a NOT_FOUND error naming it', async () => {
  const { data, errors } = await graphqlRequest(api.server.url, LEADERBOARD, { dataset: 'no-such-set' });
  assert.equal(data, null);
  assert.equal(errors?.length, 1);
  assert.equal(errors[0]!.extensions?.code, 'NOT_FOUND');
  assert.equal(errors[0]!.extensions?.reason, 'DATASET_NOT_FOUND');
  assert.match(errors[0]!.message, /no dataset "no-such-set"/);
});
