import type { ErrorRequestHandler } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { mapDomainError } from '../errors/error-mapper.js';
import { httpClientError } from './http-client-error.js';

/**
 * Errors of the plain HTTP routes: domain errors as their mapped status and message, Express's own client errors
 * (bad JSON, too large, bad %-encoding) as 4xx with a code, and only what is left as a logged 500.
 */
export function createHttpErrorMiddleware(logUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    // The rest of a refused body is not read: close the connection rather than leave it to the next request.
    if (!req.complete) res.setHeader('Connection', 'close');
    if (error instanceof DomainError) {
      const { status, code, reason, message } = mapDomainError(error);
      res.status(status).json({ error: { code, reason, message } });
      return;
    }
    const client = httpClientError(error, req);
    if (client !== null) {
      res.status(client.status).json({ error: { code: client.code, message: client.message } });
      return;
    }
    logUnexpected(error);
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error.' } });
  };
}
