import { config } from '../config';

/**
 * An image the API serves (a face's file, or the face rendered under a perturbation), passed through with its
 * caching headers: the browser talks to this app only, so the API may live on a private address
 * (FERBENCH_API_URL is a server-side setting).
 */
export async function passImage(apiPath: string): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetch(`${config().apiUrl}${apiPath}`, { cache: 'no-store' });
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
