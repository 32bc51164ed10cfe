import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';
import { mapDomainError } from './error-mapper.js';

/**
 * Apollo's formatError: domain errors get their mapped code and message; errors GraphQL itself raised (syntax,
 * unknown field, argument validation) already speak to the user; anything else is a bug whose details (SQL,
 * paths) stay in the server log.
 */
export function createGraphQLErrorFormatter(logUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const mapped = mapDomainError(original);
      return { ...formatted, message: mapped.message, extensions: { code: mapped.code, reason: mapped.reason } };
    }
    if (original instanceof GraphQLError) return formatted;
    logUnexpected(original);
    return { ...formatted, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
