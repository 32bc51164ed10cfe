import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { depthLimitRule } from './query-limits.js';

const schema = buildSchema('type Query { node: Node } type Node { name: String child: Node }');
const chain = (depth: number) => `{ ${'node { '.repeat(1)}${'child { '.repeat(depth - 2)}name${' }'.repeat(depth - 1)} }`;
const messages = (query: string, maxDepth = 10, maxIntrospection = 20) => validate(schema, parse(query), [depthLimitRule(maxDepth, maxIntrospection)]).map((e) => e.message);

test('depth rule: ordinary fields at most 10 deep, counted through fragments', () => {
  assert.deepEqual(messages(chain(10)), []);
  assert.deepEqual(messages(chain(11)), ['The query is nested 11 levels deep; at most 10 are allowed.']);
  assert.deepEqual(messages(`{ node { ...F } } fragment F on Node { ${chain(10).slice(2, -2).replace(/^node/, 'child')} }`), [
    'The query is nested 11 levels deep; at most 10 are allowed.',
  ]);
});

test('depth rule: introspection is counted apart against its own cap, and as one level of the rest', () => {
  assert.deepEqual(messages(getIntrospectionQuery()), [], 'the standard introspection query passes');
  assert.deepEqual(messages(getIntrospectionQuery(), 10, 12).length, 1, 'and it is deeper than 12: its cap is applied');
  // __type beside a deep ordinary selection does not lend it its own allowance.
  assert.deepEqual(messages(`{ __type(name: "Node") { name } ${chain(11).slice(2, -2)} }`), ['The query is nested 11 levels deep; at most 10 are allowed.']);
  assert.deepEqual(messages(`{ __type(name: "Node") { fields { type { ofType { ofType { ofType { name } } } } } } }`, 3, 20), []);
});
