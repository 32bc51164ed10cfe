import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { JAFFE_MODELS, jaffeBenchmark } from '../../testing/jaffe-benchmark.fixture.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

const GAP = 'value highGroup lowGroup undefinedGroups';
const QUERY = `query ($dataset: ID!, $attribute: String!) {
  dataset(id: $dataset) { sliceAttributes { name groups images } }
  leaderboard(dataset: $dataset) { entries { model { id } n accuracy labelSet } }
  slices(dataset: $dataset, attribute: $attribute, resamples: 200, seed: 3) {
    attribute models { id sha256 } labelSet imagesWithoutAttribute
    groups { group images accuracies { model { id } n correct accuracy ciLow ciHigh ciLevel } fleiss { value reason n se ciLow ciHigh ciLevel } }
    accuracyGaps { model { id } gap { ${GAP} } }
    kappaGap { ${GAP} }
  }
}`;

interface Gap {
  value: number | null;
  highGroup: string | null;
  lowGroup: string | null;
  undefinedGroups: string[];
}
interface Slices {
  attribute: string;
  models: { id: string; sha256: string }[];
  labelSet: string[];
  imagesWithoutAttribute: number;
  groups: {
    group: string;
    images: number;
    accuracies: { model: { id: string }; n: number; correct: number; accuracy: number | null; ciLow: number | null; ciHigh: number | null; ciLevel: number }[];
    fleiss: { value: number | null; reason: string | null; n: number; se: number | null; ciLow: number | null; ciHigh: number | null; ciLevel: number };
  }[];
  accuracyGaps: { model: { id: string }; gap: Gap }[];
  kappaGap: Gap;
}
interface Answer {
  dataset: { sliceAttributes: { name: string; groups: number; images: number }[] };
  leaderboard: { entries: { model: { id: string }; n: number; accuracy: number; labelSet: string[] }[] };
  slices: Slices;
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

/** The Wilson score interval from its formula (Wilson 1927), z = Φ⁻¹(0.975). */
function textbookWilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = ((z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n)));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

async function subjects(url: string): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; subject: string }>(`SELECT id::text, annotations->>'subject' AS subject FROM images WHERE dataset_id = 'jaffe'`);
    return new Map(rows.map((r) => [r.id, r.subject]));
  } finally {
    await client.end();
  }
}

test('slices of real JAFFE by subject: per-subject accuracy, κ and their largest gaps equal what the stored predictions give', { timeout: 10 * 60_000 }, async (t) => {
  const api = await jaffeBenchmark(t, 'api_slices');
  if (api === undefined) return;
  const { dataset, leaderboard, slices: s } = await graphqlData<Answer>(api.url, QUERY, { dataset: 'jaffe', attribute: 'subject' });
  assert.deepEqual(dataset.sliceAttributes, [
    { name: 'split', groups: 1, images: 213 },
    { name: 'photo', groups: 213, images: 213 },
    { name: 'subject', groups: 10, images: 213 },
  ]);
  assert.equal(s.attribute, 'subject');
  assert.equal(s.imagesWithoutAttribute, 0);
  assert.deepEqual(
    s.groups.map((g) => [g.group, g.images]),
    [['KA', 23], ['KL', 22], ['KM', 22], ['KR', 20], ['MK', 21], ['NA', 21], ['NM', 20], ['TM', 21], ['UY', 21], ['YM', 22]],
  );
  assert.deepEqual(s.models.map((m) => m.id).sort(), [...JAFFE_MODELS].sort());

  const subjectOf = await subjects(api.databaseUrl);
  const predictions = await readStoredPredictions(api.databaseUrl, 'jaffe');
  const kappaAllowed = indicesOf(s.labelSet);
  for (const [m, model] of s.models.entries()) {
    const entry = leaderboard.entries.find((e) => e.model.id === model.id)!;
    const allowed = indicesOf(entry.labelSet);
    const accuracies: number[] = [];
    let [correctAll, nAll] = [0, 0];
    for (const g of s.groups) {
      const mine = predictions.filter((p) => p.modelId === model.id && subjectOf.get(p.imageId) === g.group && p.gold !== null && allowed.includes(p.gold));
      const correct = mine.filter((p) => labelWithin(p, allowed) === p.gold).length;
      const a = g.accuracies[m]!;
      assert.deepEqual([a.model.id, a.n, a.correct], [model.id, mine.length, correct], `${model.id} ${g.group}`);
      close(a.accuracy, correct / mine.length, `${model.id} ${g.group} accuracy`);
      const [low, high] = textbookWilson(correct, mine.length);
      close(a.ciLow, low, `${model.id} ${g.group} ciLow`);
      close(a.ciHigh, high, `${model.id} ${g.group} ciHigh`);
      accuracies.push(correct / mine.length);
      correctAll += correct;
      nAll += mine.length;
    }
    // The groups add up to the leaderboard: the same faces, labels and restriction.
    assert.equal(nAll, entry.n);
    close(correctAll / nAll, entry.accuracy, `${model.id} accuracy over all subjects`);
    const gap = s.accuracyGaps[m]!;
    assert.equal(gap.model.id, model.id);
    close(gap.gap.value, Math.max(...accuracies) - Math.min(...accuracies), `${model.id} accuracy gap`);
    assert.equal(gap.gap.highGroup, s.groups[accuracies.indexOf(Math.max(...accuracies))]!.group);
    assert.equal(gap.gap.lowGroup, s.groups[accuracies.indexOf(Math.min(...accuracies))]!.group);
    t.diagnostic(`${model.id}: accuracy by subject ${accuracies.map((a) => a.toFixed(3)).join(' ')}; gap ${gap.gap.value!.toFixed(3)} (${gap.gap.highGroup} − ${gap.gap.lowGroup})`);
  }

  const kappas: number[] = [];
  for (const g of s.groups) {
    const byFace = new Map<string, number[]>();
    for (const p of predictions) if (subjectOf.get(p.imageId) === g.group) byFace.set(p.imageId, [...(byFace.get(p.imageId) ?? []), labelWithin(p, kappaAllowed)]);
    const faces = [...byFace.values()].filter((labels) => labels.length === s.models.length);
    const kappa = textbookFleissKappa(faces, kappaAllowed);
    assert.equal(g.fleiss.n, faces.length, g.group);
    close(g.fleiss.value, kappa, `${g.group} κ`);
    assert.ok(g.fleiss.ciLow! <= kappa && kappa <= g.fleiss.ciHigh! && g.fleiss.ciLevel === 0.95, `${g.group} κ ${kappa} CI ${JSON.stringify(g.fleiss)}`);
    kappas.push(kappa);
  }
  close(s.kappaGap.value, Math.max(...kappas) - Math.min(...kappas), 'κ gap');
  assert.equal(s.kappaGap.lowGroup, s.groups[kappas.indexOf(Math.min(...kappas))]!.group);
  t.diagnostic(`Fleiss κ by subject ${kappas.map((k) => k.toFixed(3)).join(' ')}; gap ${s.kappaGap.value!.toFixed(3)} (${s.kappaGap.highGroup} − ${s.kappaGap.lowGroup})`);

  // One group: no gap to speak of.
  const split = await graphqlData<Answer>(api.url, QUERY, { dataset: 'jaffe', attribute: 'split' });
  assert.deepEqual(split.slices.groups.map((g) => [g.group, g.images]), [['all', 213]]);
  assert.deepEqual(split.slices.kappaGap, { value: null, highGroup: null, lowGroup: null, undefinedGroups: [] });

  const unknown = await graphqlRequest(api.url, QUERY, { dataset: 'jaffe', attribute: 'race' });
  assert.match(unknown.errors?.[0]?.message ?? '', /attribute: no image of dataset "jaffe" has "race"; expected one of "split", "photo", "subject"/);
  const many = await graphqlRequest(api.url, QUERY, { dataset: 'jaffe', attribute: 'photo' });
  assert.deepEqual(many.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
  assert.match(many.errors?.[0]?.message ?? '', /"photo" takes 213 distinct values; a slice compares at most 100 groups/);
  const bad = await graphqlRequest(api.url, QUERY, { dataset: 'jaffe', attribute: "subject'); DROP TABLE images; --" });
  assert.match(bad.errors?.[0]?.message ?? '', /Invalid arguments: attribute: expected "split" or an annotation path such as "subject"/);
});
