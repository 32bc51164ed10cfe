import { forwardToApi } from '../../../proxy/forward-to-api';

/** The photo from the /try page, on to the API's POST /try-photo (streamed; neither server keeps it). */
export function POST(request: Request): Promise<Response> {
  return forwardToApi(request, '/try-photo', ['content-type', 'content-length']);
}
