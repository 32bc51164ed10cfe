import { config } from '../config';

/**
 * Passes a browser's request on to the ferbench API and its answer back, so the browser talks to this app only
 * (FERBENCH_API_URL is a server-side setting). The body is streamed, never buffered here; only the named request
 * headers go on (the Authorization a person typed into a form, say), and nothing is logged or kept.
 */
export async function forwardToApi(request: Request, apiPath: string, headerNames: readonly string[]): Promise<Response> {
  const headers = new Headers();
  for (const name of headerNames) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${config().apiUrl}${apiPath}`, {
      method: request.method,
      headers,
      body: request.body,
      cache: 'no-store',
      // Node's fetch streams a request body only in half-duplex mode.
      duplex: 'half',
    } as RequestInit);
  } catch (error) {
    return apiUnreachable(error);
  }
  return new Response(upstream.body, { status: upstream.status, headers: { 'content-type': upstream.headers.get('content-type') ?? 'application/json' } });
}

/** The JSON error the browser gets when the API does not answer, in the API's own error shape. */
export function apiUnreachable(error: unknown): Response {
  const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  return Response.json(
    { error: { code: 'API_UNREACHABLE', message: `The ferbench API at ${config().apiUrl} did not answer (${reason}); is it running?` } },
    { status: 502 },
  );
}
