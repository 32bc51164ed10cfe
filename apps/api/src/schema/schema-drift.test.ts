import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildApiSchema } from './build-api-schema.js';
import { printSchemaFile, SCHEMA_FILE } from './schema-file.js';

test('the committed schema.graphql is the schema the code builds (run `npm run schema -w @ferbench/api`)', async () => {
  const built = printSchemaFile(await buildApiSchema());
  assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), built);
});
