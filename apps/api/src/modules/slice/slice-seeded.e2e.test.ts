import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { graphqlData } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';
import { indicesOf, labelWithin, readStoredPredictions } from '../../testing/stored-predictions.js';
import { textbookFleissKappa } from '../../testing/textbook-fleiss.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_slices_seeded');
  // A nested annotation on 30 of the 40 faces (site.city A or B by parity), a list (not sliceable) on all.
  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  try {
    await client.query(
      `UPDATE images SET annotations = CASE WHEN rn <= 30 THEN jsonb_build_object('site', jsonb_build_object('city', CASE WHEN rn % 2 = 0 THEN 'A' ELSE 'B' END), 'points', '[1, 2]'::jsonb)
                                            ELSE jsonb_build_object('points', '[1, 2]'::jsonb) END
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM images WHERE dataset_id = 'tiny') r WHERE images.id = r.id`,
    );
  } finally {
    await client.end();
  }
});
after(() => api.stop());

const QUERY = `query {
  dataset(id: "tiny") { sliceAttributes { name groups images } }
  leaderboard(dataset: "tiny") { entries { model { id } n accuracy labelSet } }
  slices(dataset: "tiny", attribute: "site.city", resamples: 0) {
    labelSet imagesWithoutAttribute
    groups { group images accuracies { model { id } n correct accuracy } fleiss { value n ciLow ciReason } }
    accuracyGaps { model { id } gap { value highGroup lowGroup } }
    kappaGap { value highGroup lowGroup }
  }
}`;

interface Answer {
  dataset: { sliceAttributes: { name: string; groups: number; images: number }[] };
  leaderboard: { entries: { model: { id: string }; n: number; accuracy: number; labelSet: string[] }[] };
  slices: {
    labelSet: string[];
    imagesWithoutAttribute: number;
    groups: { group: string; images: number; accuracies: { model: { id: string }; n: number; correct: number; accuracy: number }[]; fleiss: { value: number; n: number; ciLow: number | null; ciReason: string } }[];
    accuracyGaps: { model: { id: string }; gap: { value: number; highGroup: string; lowGroup: string } }[];
    kappaGap: { value: number; highGroup: string; lowGroup: string };
  };
}

const close = (actual: number | null, expected: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} vs ${expected}`);

test('slices by a nested annotation: faces without it are counted apart, an 8-label model is restricted, skipped faces leave κ', async () => {
  const { dataset, leaderboard, slices: s } = await graphqlData<Answer>(api.server.url, QUERY);
  assert.deepEqual(dataset.sliceAttributes, [
    { name: 'split', groups: 2, images: 40 }, // the fixture's test (30) and train (10)
    { name: 'site.city', groups: 2, images: 30 },
  ]);
  assert.equal(s.imagesWithoutAttribute, 10);
  assert.deepEqual(s.groups.map((g) => [g.group, g.images]), [['A', 15], ['B', 15]]);
  // alpha and beta emit 7 emotions, gamma 8: κ over the 7 they share.
  assert.equal(s.labelSet.length, 7);
  assert.ok(s.groups.every((g) => g.fleiss.ciLow === null && /resamples: 0/.test(g.fleiss.ciReason)));

  const client = new pg.Client({ connectionString: api.db.url });
  await client.connect();
  const { rows } = await client.query<{ id: string; city: string | null }>(`SELECT id::text, annotations #>> '{site,city}' AS city FROM images WHERE dataset_id = 'tiny'`);
  await client.end();
  const cityOf = new Map(rows.map((r) => [r.id, r.city]));
  const predictions = await readStoredPredictions(api.db.url, 'tiny');
  for (const entry of leaderboard.entries) {
    const allowed = indicesOf(entry.labelSet);
    const accuracies = s.groups.map((g) => {
      const mine = predictions.filter((p) => p.modelId === entry.model.id && cityOf.get(p.imageId) === g.group && p.gold !== null && allowed.includes(p.gold));
      const correct = mine.filter((p) => labelWithin(p, allowed) === p.gold).length;
      const shown = g.accuracies.find((a) => a.model.id === entry.model.id)!;
      assert.deepEqual([shown.n, shown.correct], [mine.length, correct], `${entry.model.id} ${g.group}`);
      return correct / mine.length;
    });
    const gap = s.accuracyGaps.find((a) => a.model.id === entry.model.id)!.gap;
    close(gap.value, Math.abs(accuracies[0]! - accuracies[1]!), `${entry.model.id} gap`);
    assert.equal(gap.highGroup, accuracies[0]! >= accuracies[1]! ? 'A' : 'B');
  }
  const kappaAllowed = indicesOf(s.labelSet);
  const kappas = s.groups.map((g) => {
    const byFace = new Map<string, number[]>();
    for (const p of predictions) if (cityOf.get(p.imageId) === g.group) byFace.set(p.imageId, [...(byFace.get(p.imageId) ?? []), labelWithin(p, kappaAllowed)]);
    const faces = [...byFace.values()].filter((labels) => labels.length === 3);
    assert.equal(g.fleiss.n, faces.length, `${g.group} faces all three models rated`);
    const kappa = textbookFleissKappa(faces, kappaAllowed);
    close(g.fleiss.value, kappa, `${g.group} κ`);
    return kappa;
  });
  // beta skipped 4 faces of tiny: some group has fewer faces with all three ratings than images.
  assert.ok(s.groups.reduce((n, g) => n + g.fleiss.n, 0) < 30);
  close(s.kappaGap.value, Math.abs(kappas[0]! - kappas[1]!), 'κ gap');
});
