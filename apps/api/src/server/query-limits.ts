import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, type ASTVisitor, getVariableValues, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/** Deepest selection a query may have: the dashboard's deepest (images → edges → node → predictions → model) is 5. */
export const MAX_QUERY_DEPTH = 10;

/**
 * Most complexity points per operation: every field costs 1 and a list field its page size times its children
 * (see `complexity` on the resolvers), so a full page of 100 faces with every prediction fits, a thousand do not.
 */
export const MAX_QUERY_COMPLEXITY = 10_000;

/**
 * Deepest introspection selection (`__schema`, `__type`): graphql's standard introspection query, which GraphiQL,
 * Apollo Sandbox and codegen send, is 13 deep (`ofType` nested to unwrap lists of non-nulls); its cost is bounded
 * by the schema, not by data.
 */
export const MAX_INTROSPECTION_DEPTH = 20;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * A validation rule refusing selections nested deeper than `maxDepth` (fragments counted where they are spread).
 * Introspection fields are counted apart, each against `maxIntrospectionDepth`, and as one level of the rest.
 */
export function depthLimitRule(maxDepth: number, maxIntrospectionDepth = MAX_INTROSPECTION_DEPTH) {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>, introspection: number[] | null): number => {
      if (set === undefined) return 0;
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (introspection !== null && INTROSPECTION_ROOTS.has(selection.name.value)) {
            introspection.push(1 + depthOf(selection.selectionSet, seen, null));
            deepest = Math.max(deepest, 1);
          } else deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen, introspection) : 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen, introspection));
        else if (!seen.has(selection.name.value)) {
          const fragment = context.getFragment(selection.name.value);
          deepest = Math.max(deepest, depthOf(fragment?.selectionSet, new Set([...seen, selection.name.value]), introspection));
        }
      }
      return deepest;
    };
    const refuse = (node: ASTNode, message: string) => context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'QUERY_TOO_DEEP' } }));
    return {
      OperationDefinition(operation) {
        const introspection: number[] = [];
        const depth = depthOf(operation.selectionSet, new Set(), introspection);
        if (depth > maxDepth) refuse(operation, `The query is nested ${depth} levels deep; at most ${maxDepth} are allowed.`);
        const deepestIntrospection = Math.max(0, ...introspection);
        if (deepestIntrospection > maxIntrospectionDepth)
          refuse(operation, `The introspection selection is nested ${deepestIntrospection} levels deep; at most ${maxIntrospectionDepth} are allowed.`);
      },
    };
  };
}

/** Most fields at the root of an operation, aliases included: the dashboard's widest page asks for 4. */
export const MAX_ROOT_FIELDS = 20;

/** Most bootstrap resamples one operation may ask for in all: three agreements with 10,000 each. */
export const MAX_RESAMPLES_PER_REQUEST = 30_000;

/** A validation rule refusing an operation with more than `max` root fields (aliases of one field each count). */
export function rootFieldLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const countOf = (set: SelectionSetNode | undefined, seen: ReadonlySet<string>): number => {
      let count = 0;
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) count += countOf(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value))
          count += countOf(context.getFragment(selection.name.value)?.selectionSet, new Set([...seen, selection.name.value]));
      }
      return count;
    };
    return {
      OperationDefinition(operation) {
        const count = countOf(operation.selectionSet, new Set());
        if (count > max)
          context.reportError(
            new GraphQLError(`The query asks for ${count} root fields (aliases included); at most ${max} are allowed. Split it into several requests.`, {
              nodes: [operation],
              extensions: { code: 'TOO_MANY_ROOT_FIELDS' },
            }),
          );
      },
    };
  };
}

/** Refuses an operation whose estimated cost is over `max`, before any resolver runs. */
export function complexityLimitPlugin(max: number, maxResamples = MAX_RESAMPLES_PER_REQUEST): ApolloServerPlugin {
  return {
    async requestDidStart({ schema }) {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Coerce the variables as execution will, so a bad enum value or type is the client's 400, not a
          // throw inside the estimator (which Apollo would answer 500).
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors !== undefined)
            throw new GraphQLError(coerced.errors.map((e) => e.message).join(' '), { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          // Every bootstrapping field (extensions.bootstrapRuns) adds its resamples, as many times as it bootstraps.
          let resamples = 0;
          const resampleCounter: ComplexityEstimator = ({ field, args }) => {
            const runs = field.extensions?.bootstrapRuns;
            if (typeof runs === 'number' && typeof args.resamples === 'number') resamples += runs * args.resamples;
            return undefined;
          };
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [resampleCounter, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (resamples > maxResamples)
            throw new GraphQLError(
              `The query asks for ${resamples} bootstrap resamples in all; at most ${maxResamples} per request (humanAgreement counts three times: its three CIs). Ask for fewer resamples, or in several requests.`,
              { extensions: { code: 'TOO_MANY_RESAMPLES', http: { status: 400 } } },
            );
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
