import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import type { RequestContext } from '../server/request-context.js';
import type { Answer, AnswerCache } from './answer-cache.js';
import type { FreshRead } from './fresh-read.js';
import { isResultsQuery } from './result-fields.js';

const answered = (data: Answer): GraphQLResponse => ({ http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } });

/**
 * Answers results queries from `cache` while the results version is unchanged: anonymous requests only (a token
 * holder may see what others may not, and a token can be revoked), keyed on the version read for this request
 * (FreshRead: never older than the request), the origin (answers carry absolute image links), the query and its
 * variables. A miss runs the query as usual and keeps its answer when it has no errors. The version is read before
 * the query runs, so an answer computed across a change is kept under the older version: never served as newer.
 */
export function resultsCachePlugin(cache: AnswerCache, version: FreshRead<string>): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let computing: string | null = null;
      return {
        async responseForOperation({ contextValue, operation, queryHash, operationName, request }) {
          if (contextValue.authorization !== undefined || !isResultsQuery(operation)) return null;
          let current: string;
          try {
            current = await version.get();
          } catch {
            return null; // the query itself reports the database's trouble
          }
          const key = JSON.stringify([current, contextValue.origin, queryHash, operationName, request.variables ?? {}]);
          const answer = await cache.lookup(key);
          if (answer !== undefined) return answered(answer);
          computing = key;
          return null;
        },
        async willSendResponse({ response }) {
          if (computing === null) return;
          const { body } = response;
          const complete = body.kind === 'single' && body.singleResult.errors === undefined && body.singleResult.data != null;
          cache.settle(computing, complete ? (body.singleResult.data as Answer) : null);
        },
      };
    },
  };
}
