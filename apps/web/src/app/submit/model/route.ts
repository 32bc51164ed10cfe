import { print } from 'graphql';
import { graphql } from '../../../gql';
import { config } from '../../../config';
import type { SubmitModelMutation } from '../../../gql/graphql';
import { apiUnreachable } from '../../../proxy/forward-to-api';

const submitModelMutation = graphql(`
  mutation SubmitModel($input: SubmitModelInput!) {
    submitModel(input: $input) {
      deduplicated
      submission {
        id
        status
        modelId
      }
    }
  }
`);

/**
 * Step 2 of a submission from the browser: { uploadId, card } with the typed token, as the submitModel mutation.
 * Answers { submission, deduplicated } or { error: { message, reason } } with the API's message (it lists every
 * problem of a refused card, field by field).
 */
export async function POST(request: Request): Promise<Response> {
  const body = (await request.json().catch(() => null)) as { uploadId?: unknown; card?: unknown } | null;
  if (body === null || typeof body.uploadId !== 'string' || body.card === null || typeof body.card !== 'object')
    return Response.json({ error: { message: 'expected a JSON body { uploadId: string, card: object }' } }, { status: 400 });
  let upstream: Response;
  try {
    upstream = await fetch(`${config().apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: request.headers.get('authorization') ?? '' },
      body: JSON.stringify({ query: print(submitModelMutation), variables: { input: { uploadId: body.uploadId, card: body.card } } }),
      cache: 'no-store',
    });
  } catch (error) {
    return apiUnreachable(error);
  }
  const answer = (await upstream.json()) as {
    data?: SubmitModelMutation | null;
    errors?: { message: string; extensions?: { reason?: string; code?: string } }[];
  };
  const error = answer.errors?.[0];
  if (error || !answer.data) {
    return Response.json({ error: { message: error?.message ?? 'the API answered without data', reason: error?.extensions?.reason ?? null } }, { status: 400 });
  }
  return Response.json(answer.data.submitModel);
}
