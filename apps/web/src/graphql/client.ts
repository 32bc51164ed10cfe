import { type AnyVariables, type CombinedError, type DocumentInput, cacheExchange, createClient, fetchExchange } from '@urql/core';
import { registerUrql } from '@urql/next/rsc';
import { config } from '../config';

// One client per server request (registerUrql keys it on React's request cache): results are never shared
// between visitors, and every page view sees the database as it is now.
const { getClient } = registerUrql(() =>
  createClient({
    url: `${config().apiUrl}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'network-only',
    fetchOptions: { cache: 'no-store' },
    preferGetMethod: false,
  }),
);

export type QueryResult<Data> = { data: Data; error?: undefined } | { data?: Data | undefined; error: CombinedError };

/** Runs one query on the server. GraphQL and network errors come back as values so pages can show them. */
export async function runQuery<Data, Variables extends AnyVariables>(
  query: DocumentInput<Data, Variables>,
  variables: Variables,
): Promise<QueryResult<Data>> {
  const result = await getClient().query(query, variables).toPromise();
  if (result.error) return { data: result.data, error: result.error };
  if (result.data === undefined) throw new Error('the API answered without data or errors');
  return { data: result.data };
}
