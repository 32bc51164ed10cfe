import { passImage } from '../../../../../proxy/pass-image';

/** The face rendered under a perturbation (e.g. `blur(sigma=2)`), passed through from the API (GET /images/:id/perturbed/:perturbation). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; perturbation: string }> }): Promise<Response> {
  const { id, perturbation } = await params;
  return passImage(`/images/${encodeURIComponent(id)}/perturbed/${encodeURIComponent(decodeURIComponent(perturbation))}`);
}
