import type { Request } from 'express';

/** What a client did wrong at the HTTP level (body-parser, the router), as the error middleware answers it. */
export interface HttpClientError {
  status: number;
  code: 'BAD_REQUEST_BODY' | 'PAYLOAD_TOO_LARGE' | 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE';
  message: string;
}

interface HttpErrorLike {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  limit?: unknown;
  expose?: unknown;
  message?: unknown;
}

const mib = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`);

/**
 * The 4xx errors Express's own parts raise (http-errors with a status and `expose`): a body that is not JSON, one
 * over the limit (declared or counted as it streams), a path whose %-encoding does not decode. Anything else: null.
 */
export function httpClientError(error: unknown, req: Request): HttpClientError | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as HttpErrorLike;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status > 499) return null;
  if (e.type === 'entity.parse.failed')
    return { status: 400, code: 'BAD_REQUEST_BODY', message: `The request body is not valid JSON (${String(e.message)}).` };
  if (e.type === 'entity.too.large' || status === 413) {
    const limit = typeof e.limit === 'number' ? `at most ${mib(e.limit)}` : 'over the limit';
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is too large: ${limit} are accepted on ${req.path}.` };
  }
  if (status === 415) return { status, code: 'UNSUPPORTED_MEDIA_TYPE', message: String(e.message) };
  if (error instanceof URIError || /decode param/i.test(String(e.message)))
    return { status: 400, code: 'BAD_REQUEST', message: `The path ${req.originalUrl} is not valid URL encoding (a % must be followed by two hex digits).` };
  return { status: 400, code: 'BAD_REQUEST', message: e.expose === true ? String(e.message) : 'Bad request.' };
}
