import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError } from './domain-error.js';
import { mapDomainError } from './error-mapper.js';

/** A finding and those of the input's nested fields (filter.predicted.label), each named by its path. */
function violations(error: ValidationError, path: string): { argument: string; problems: string[] }[] {
  const own = error.constraints === undefined ? [] : [{ argument: path, problems: Object.values(error.constraints) }];
  return [...own, ...(error.children ?? []).flatMap((child) => violations(child, `${path}.${child.property}`))];
}

/** class-validator's findings as one readable sentence, e.g. `Invalid arguments: models: choose at least two…`. */
function invalidArguments(error: ArgumentValidationError): Pick<GraphQLFormattedError, 'message' | 'extensions'> {
  const invalid = error.extensions.validationErrors.flatMap((v) => violations(v, v.property));
  return {
    message: `Invalid arguments: ${invalid.map((a) => `${a.argument}: ${a.problems.join('; ')}`).join('. ')}.`,
    extensions: { code: 'BAD_USER_INPUT', invalidArguments: invalid },
  };
}

/**
 * Apollo's formatError: domain errors get their mapped code and message; argument validation says what was
 * wrong with which argument; other errors GraphQL itself raised (syntax, unknown field) already speak to the
 * user; anything else is a bug whose details (SQL, paths) stay in the server log.
 */
export function createGraphQLErrorFormatter(logUnexpected: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const mapped = mapDomainError(original);
      return { ...formatted, message: mapped.message, extensions: { code: mapped.code, reason: mapped.reason } };
    }
    if (original instanceof ArgumentValidationError) return { ...formatted, ...invalidArguments(original) };
    if (original instanceof GraphQLError) return formatted;
    logUnexpected(original);
    return { ...formatted, message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
