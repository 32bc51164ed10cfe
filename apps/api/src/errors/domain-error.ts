import type { ErrorCode, ErrorDetails } from './error-details.js';

/**
 * A failure the user can act on (an unknown id, a bad combination of arguments), raised by a service. Each
 * module subclasses it with its own code enum; errors/error-mapper.ts turns the code into what clients see.
 */
export abstract class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  constructor(
    readonly code: C,
    readonly details: ErrorDetails[C],
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = new.target.name;
  }
}
