/**
 * Fleiss' κ written out from the definition (Fleiss 1971), from per-face label lists, sharing nothing with
 * packages/shared: the independent check the API's count-table κ is compared against.
 */
export function textbookFleissKappa(faces: readonly (readonly number[])[], categories: readonly number[]): number {
  const n = faces.length;
  const m = faces[0]!.length;
  let pBar = 0;
  const share = new Map(categories.map((k) => [k, 0]));
  for (const labels of faces) {
    let agreeingPairs = 0;
    for (const k of categories) {
      const nij = labels.filter((l) => l === k).length;
      agreeingPairs += nij * (nij - 1);
      share.set(k, share.get(k)! + nij / (n * m));
    }
    pBar += agreeingPairs / (m * (m - 1)) / n;
  }
  const pe = [...share.values()].reduce((a, p) => a + p * p, 0);
  return (pBar - pe) / (1 - pe);
}
