import path from 'node:path';
import { type GraphQLSchema, printSchema } from 'graphql';

/** apps/api/schema.graphql: committed, so the dashboard's codegen and reviewers see every contract change. */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema.graphql');

export function printSchemaFile(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
