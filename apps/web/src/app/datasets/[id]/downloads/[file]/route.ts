import { config } from '../../../../../config';

/** Headers of the API's answer that a download needs: its name, its type and size, and its hash for revalidation. */
const PASSED_ON = ['content-type', 'content-length', 'content-disposition', 'etag', 'cache-control'];

/**
 * One file of a dataset's export (CSV, Parquet, manifest.json), streamed through from the API with its
 * Content-Disposition and ETag; a browser's If-None-Match goes on, so an unchanged file answers 304.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  const { id, file } = await params;
  const headers = new Headers();
  for (const name of ['if-none-match', 'cache-control']) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${config().apiUrl}/datasets/${encodeURIComponent(id)}/downloads/${encodeURIComponent(file)}`, { headers, cache: 'no-store' });
  } catch (error) {
    return new Response(`the ferbench API is unreachable: ${error instanceof Error ? error.message : String(error)}`, { status: 502 });
  }
  const answer = new Headers();
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name);
    if (value !== null) answer.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : upstream.body, { status: upstream.status, headers: answer });
}
