import { forwardToApi } from '../../../proxy/forward-to-api';

/** Step 1 of a submission from the browser: the ONNX file and the typed token, on to POST /model-uploads. */
export function POST(request: Request): Promise<Response> {
  return forwardToApi(request, '/model-uploads', ['authorization', 'content-type', 'content-length']);
}
