/** Which other images count as copies of an image: any image, one of the same dataset, or one of another. */
export type DuplicateScope = 'any' | 'same-dataset' | 'other-dataset';

/**
 * The one definition of an exact duplicate, shared by the runner (import summary, `dataset list`) and the API
 * (explore's duplicatesOnly): another image row with the same sha256. Computed, never stored, so it stays true when
 * datasets are re-imported or deleted; images_sha256 makes it an index probe. `alias` names the images row tested.
 */
export function duplicateImageSql(alias: string, scope: DuplicateScope = 'any'): string {
  const dataset = scope === 'any' ? '' : ` AND d.dataset_id ${scope === 'same-dataset' ? '=' : '<>'} ${alias}.dataset_id`;
  return `EXISTS (SELECT 1 FROM images d WHERE d.sha256 = ${alias}.sha256 AND d.id <> ${alias}.id${dataset})`;
}
