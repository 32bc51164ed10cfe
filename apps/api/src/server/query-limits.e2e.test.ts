import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { graphqlData, graphqlRequest } from '../testing/graphql-request.js';
import { type SeededApi, startSeededApi } from '../testing/seeded-api.js';
import { MAX_INTROSPECTION_DEPTH, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from './query-limits.js';

let api: SeededApi;
before(async () => {
  api = await startSeededApi('api_limits');
});
after(() => api?.stop());

const FACE = 'node { id url goldLabel votes entropyBits predictions { label probability model { id name labels emotions } probabilities { label probability } } }';

test('a full page of faces with every prediction is within the limits', async () => {
  const { images } = await graphqlData<{ images: { edges: unknown[] } }>(
    api.server.url,
    `{ images(dataset: "tiny", first: 100) { edges { cursor ${FACE} agreement { votes voteCounts entropyBits pI } } } }`,
  );
  assert.equal(images.edges.length, 40);
});

test('a query nested deeper than the limit is refused before it runs, fragments counted where they are spread', async () => {
  const viaFragment = `query { images(dataset: "tiny") { edges { node { ...N } } } }
    fragment N on Image { predictions { model { id } probabilities { label } } }`;
  assert.equal((await graphqlRequest(api.server.url, viaFragment)).errors, undefined, 'depth 6 is fine');
  // The schema has no cycle deeper than 7, so a deeper query also names unknown fields; the depth refusal is beside those.
  const depth = MAX_QUERY_DEPTH + 1;
  let inner = 'x';
  for (let level = 0; level < depth - 5; level++) inner = `f${level} { ${inner} }`;
  const refused = await graphqlRequest(api.server.url, `query Deep { images(dataset: "tiny") { edges { node { predictions { ${inner} } } } } }`);
  assert.ok(
    refused.errors?.some((e) => e.message === `The query is nested ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed.`),
    JSON.stringify(refused.errors),
  );
});

test("graphql's standard introspection query (GraphiQL, Sandbox, codegen) works; introspection deeper than its own cap is refused", async () => {
  const response = await fetch(api.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
  });
  assert.equal(response.status, 200);
  const { data, errors } = (await response.json()) as { data?: IntrospectionQuery; errors?: unknown };
  assert.equal(errors, undefined);
  const schema = buildClientSchema(data!);
  assert.ok(schema.getQueryType()?.getFields().leaderboard, 'the schema built from introspection has leaderboard');
  assert.ok(schema.getType('ImageOrderField'));

  assert.equal((await graphqlRequest(api.server.url, `query { ${nested(MAX_INTROSPECTION_DEPTH)} }`)).errors, undefined);
  const depth = MAX_INTROSPECTION_DEPTH + 1;
  const refused = await graphqlRequest(api.server.url, `query Deep { ${nested(depth)} }`);
  // Apollo files every validation failure under one code; the message says which limit.
  assert.equal(refused.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.equal(refused.errors?.[0]?.message, `The introspection selection is nested ${depth} levels deep; at most ${MAX_INTROSPECTION_DEPTH} are allowed.`);
});

/** An introspection selection exactly `depth` fields deep: __schema { types { fields { type { ofType { … name } } } } }. */
function nested(depth: number): string {
  let inner = 'name';
  for (let level = 0; level < depth - 5; level++) inner = `ofType { ${inner} }`;
  return `__schema { types { fields { type { ${inner} } } } }`;
}

test('six full pages of faces in one query cost more than the limit: refused with the cost, before any resolver runs', async () => {
  const pages = Array.from({ length: 6 }, (_, k) => `p${k}: images(dataset: "tiny", first: 100) { edges { cursor ${FACE} } }`).join(' ');
  const response = await fetch(api.server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${pages} }` }) });
  assert.equal(response.status, 400);
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(body.errors[0]!.extensions.code, 'QUERY_TOO_COMPLEX');
  assert.match(body.errors[0]!.message, new RegExp(`^The query would cost \\d+ points; at most ${MAX_QUERY_COMPLEXITY} are allowed\\.`));
});
