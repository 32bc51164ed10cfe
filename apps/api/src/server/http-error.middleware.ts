import type { ErrorRequestHandler } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { mapDomainError } from '../errors/error-mapper.js';

/** Errors of the plain HTTP routes: domain errors as their mapped status and message, anything else as 500. */
export function createHttpErrorMiddleware(logUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof DomainError) {
      const { status, code, reason, message } = mapDomainError(error);
      res.status(status).json({ error: { code, reason, message } });
      return;
    }
    logUnexpected(error);
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } });
  };
}
