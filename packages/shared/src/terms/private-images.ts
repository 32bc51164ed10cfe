/**
 * Dataset terms: whose image bytes a deployment may hand out. Aggregates and votes are always public; the faces of
 * a dataset marked private are served only to API token holders, or to nobody.
 */

/** Datasets whose terms allow research use only (their SOURCE.txt): FER+ is FER2013's faces, so it counts too. */
export const RESEARCH_ONLY_DATASETS: readonly string[] = ['fer2013', 'ferplus', 'rafdb', 'jaffe', 'affectnet'];

/** Who may fetch the bytes of a private dataset's images. */
export const PRIVATE_IMAGE_ACCESS = ['token', 'nobody'] as const;
export type PrivateImageAccess = (typeof PRIVATE_IMAGE_ACCESS)[number];

export interface PrivateImagesPolicy {
  /** 'all': every dataset, present or imported later; otherwise these dataset ids. */
  datasets: 'all' | ReadonlySet<string>;
  access: PrivateImageAccess;
}

/** Serve every image to everyone: the default, for a local checkout. */
export const ALL_IMAGES_PUBLIC: PrivateImagesPolicy = { datasets: new Set(), access: 'token' };

const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** `all-research-only` and `research-only` both name RESEARCH_ONLY_DATASETS. */
const RESEARCH_ONLY_WORDS = new Set(['research-only', 'all-research-only']);

/**
 * Reads FERBENCH_PRIVATE_IMAGES: empty (nothing private), `all`, or a comma list of dataset ids and the word
 * `research-only` (FER2013, FER+, RAF-DB, JAFFE, AffectNet). Returns the problem instead for anything else.
 */
export function parsePrivateImages(value: string | undefined, access: PrivateImageAccess = 'token'): PrivateImagesPolicy | { problem: string } {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (items.length === 0) return { ...ALL_IMAGES_PUBLIC, access };
  if (items.length === 1 && items[0] === 'all') return { datasets: 'all', access };
  const ids = new Set<string>();
  for (const item of items) {
    if (RESEARCH_ONLY_WORDS.has(item)) RESEARCH_ONLY_DATASETS.forEach((id) => ids.add(id));
    else if (item === 'all') return { problem: '"all" stands alone (every dataset); drop the other entries' };
    else if (DATASET_ID.test(item)) ids.add(item);
    else return { problem: `"${item}" is not a dataset id; expected all, research-only, or dataset ids separated by commas` };
  }
  return { datasets: ids, access };
}

export function imagesArePrivate(policy: PrivateImagesPolicy, datasetId: string): boolean {
  return policy.datasets === 'all' || policy.datasets.has(datasetId);
}
