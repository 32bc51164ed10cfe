import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTVisitor, getVariableValues, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deepest selection a query may have: the dashboard's deepest (images → edges → node → predictions → model) is 5. */
export const MAX_QUERY_DEPTH = 10;

/**
 * Most complexity points per operation: every field costs 1 and a list field its page size times its children
 * (see `complexity` on the resolvers), so a full page of 100 faces with every prediction fits, a thousand do not.
 */
export const MAX_QUERY_COMPLEXITY = 10_000;

/** A validation rule refusing selections nested deeper than `maxDepth` (fragments counted where they are spread). */
export function depthLimitRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      if (set === undefined) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1);
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
        else if (!seen.has(selection.name.value)) {
          const fragment = context.getFragment(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value])));
        }
      }
      return deepest;
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth)
          context.reportError(
            new GraphQLError(`The query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, { nodes: [operation], extensions: { code: 'QUERY_TOO_DEEP' } }),
          );
      },
    };
  };
}

/** Refuses an operation whose estimated cost is over `max`, before any resolver runs. */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Coerce the variables as execution will, so a bad enum value or type is the client's 400, not a
          // throw inside the estimator (which Apollo would answer 500).
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors !== undefined)
            throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > max)
            throw new GraphQLError(
              `The query would cost ${complexity} points; at most ${max} are allowed. Ask for fewer items per page (first) or fewer fields.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } },
            );
        },
      };
    },
  };
}
