import { type AnyVariables, type CombinedError, type DocumentInput, cacheExchange, createClient, fetchExchange, stringifyDocument } from '@urql/core';
import { registerUrql } from '@urql/next/rsc';
import { cache } from 'react';
import { config } from '../config';
import { graphql } from '../gql';
import { ResultCache } from './result-cache';

// One client per server render (registerUrql keys it on React's request cache): the API is asked afresh each render.
// No fetch cache option: Next's own fetch cache stays out of it (results are cached here, on resultsVersion), and a
// `no-store` fetch would make the ISR results pages dynamic.
const { getClient } = registerUrql(() =>
  createClient({
    url: `${config().apiUrl}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
  }),
);

export type QueryResult<Data> = { data: Data; error?: undefined } | { data?: Data | undefined; error: CombinedError };

const ResultsVersionQuery = graphql(`
  query ResultsVersion {
    resultsVersion
  }
`);

/** What the API says the results' version is, asked once per server request; null when it cannot say. */
const resultsVersion = cache(async (): Promise<string | null> => {
  const result = await getClient().query(ResultsVersionQuery, {}).toPromise();
  return result.data?.resultsVersion ?? null;
});

/** Shared by every request this server handles: successful results only, so an error is asked again next time. */
const results = new ResultCache<unknown>(2_000);

async function ask<Data, Variables extends AnyVariables>(query: DocumentInput<Data, Variables>, variables: Variables): Promise<QueryResult<Data>> {
  const result = await getClient().query(query, variables).toPromise();
  if (result.error) return { data: result.data, error: result.error };
  if (result.data === undefined) throw new Error('the API answered without data or errors');
  return { data: result.data };
}

/**
 * Runs one results query (statistics, leaderboards, faces) on the server, answered from the cache while the API's
 * resultsVersion is unchanged. GraphQL and network errors come back as values so pages can show them.
 */
export async function runQuery<Data, Variables extends AnyVariables>(query: DocumentInput<Data, Variables>, variables: Variables): Promise<QueryResult<Data>> {
  const version = await resultsVersion();
  if (version === null) return ask(query, variables);
  const key = `${version}\n${stringifyDocument(query)}\n${JSON.stringify(variables)}`;
  const hit = results.get(key) as Data | undefined;
  if (hit !== undefined) return { data: hit };
  const answer = await ask(query, variables);
  if (!answer.error) results.set(key, answer.data);
  return answer;
}

/** A query whose answer must be live on every view (run status, a submission's progress): never cached. */
export function runLiveQuery<Data, Variables extends AnyVariables>(query: DocumentInput<Data, Variables>, variables: Variables): Promise<QueryResult<Data>> {
  return ask(query, variables);
}
