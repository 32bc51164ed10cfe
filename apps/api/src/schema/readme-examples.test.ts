import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse, validate } from 'graphql';
import { buildApiSchema } from './build-api-schema.js';

const README = path.resolve(__dirname, '..', '..', '..', '..', 'README.md');

test("README's GraphQL examples are valid against the schema", async () => {
  const blocks = [...readFileSync(README, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  assert.ok(blocks.length > 0, 'README has at least one ```graphql example');
  const schema = await buildApiSchema();
  for (const block of blocks) {
    const errors = validate(schema, parse(block)).map((e) => e.message);
    assert.deepEqual(errors, [], `README example:\n${block}`);
  }
});
