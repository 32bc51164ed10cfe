import { config } from '../../../../config';

/**
 * The face's image file, passed through from the API: the browser talks to this app only, so the API may
 * live on a private address (FERBENCH_API_URL is a server-side setting).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  let upstream: Response;
  try {
    upstream = await fetch(`${config().apiUrl}/images/${encodeURIComponent(id)}`, { cache: 'no-store' });
  } catch (error) {
    return new Response(`the ferbench API is unreachable: ${error instanceof Error ? error.message : String(error)}`, { status: 502 });
  }
  const headers = new Headers();
  for (const name of ['content-type', 'content-length', 'etag', 'last-modified', 'cache-control']) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
