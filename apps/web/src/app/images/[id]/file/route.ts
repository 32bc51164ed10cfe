import { passImage } from '../../../../proxy/pass-image';

/** The face's image file, passed through from the API (GET /images/:id). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  return passImage(`/images/${encodeURIComponent(id)}`);
}
