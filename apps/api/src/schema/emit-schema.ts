import { writeFileSync } from 'node:fs';
import { buildApiSchema } from './build-api-schema.js';
import { printSchemaFile, SCHEMA_FILE } from './schema-file.js';

/** `npm run schema -w @ferbench/api`: rewrites the committed schema.graphql from the code. */
async function main(): Promise<void> {
  writeFileSync(SCHEMA_FILE, printSchemaFile(await buildApiSchema()));
  console.log(`wrote ${SCHEMA_FILE}`);
}

void main();
