import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { graphqlData, graphqlRequest } from '../../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../../testing/seeded-api.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_ratings_seeded');
});
after(() => api.stop());

const QUERY = `query ($dataset: ID!) {
  ratingCorrelation(dataset: $dataset) { dataset { humanRatedFaces } ratedFaces emotions scaleMin raters models { model { id } pooled { value reason n } emotions { emotion } } }
}`;

test('ratingCorrelation on a dataset without ratings: 0 rated faces, each model’s ρ null with its reason; an unknown dataset is NOT_FOUND', async () => {
  const { ratingCorrelation: r } = await graphqlData<{
    ratingCorrelation: { dataset: { humanRatedFaces: number }; ratedFaces: number; emotions: string[]; scaleMin: number | null; raters: number | null; models: { model: { id: string }; pooled: { value: number | null; reason: string; n: number }; emotions: unknown[] }[] };
  }>(api.server.url, QUERY, { dataset: 'tiny' });
  assert.deepEqual([r.dataset.humanRatedFaces, r.ratedFaces, r.emotions, r.scaleMin, r.raters], [0, 0, [], null, null]);
  assert.deepEqual(r.models.map((m) => m.model.id).sort(), ['alpha', 'beta', 'gamma']);
  for (const m of r.models) {
    assert.deepEqual(m.pooled, { value: null, reason: 'a correlation needs at least 2 items, there are 0', n: 0 });
    assert.deepEqual(m.emotions, []);
  }
  const missing = await graphqlRequest(api.server.url, QUERY, { dataset: 'nope' });
  assert.equal(missing.errors?.[0]?.extensions?.['code'], 'NOT_FOUND');
  assert.match(missing.errors?.[0]?.message ?? '', /There is no dataset "nope"/);
});
