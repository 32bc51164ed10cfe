/**
 * Spearman's ρ written out from the definition, item by item, sharing nothing with packages/shared: each variable
 * sorted, tied runs given the mean of the positions they span (mid-ranks), then Pearson's r of the two rank lists.
 */
export function textbookSpearman(x: readonly number[], y: readonly number[]): number {
  const ranks = (v: readonly number[]): number[] => {
    const order = v.map((value, i) => ({ value, i })).sort((a, b) => a.value - b.value);
    const r = new Array<number>(v.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
      for (let k = start; k <= end; k++) r[order[k]!.i] = (start + end) / 2 + 1;
      start = end + 1;
    }
    return r;
  };
  const [rx, ry] = [ranks(x), ranks(y)];
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(rx), mean(ry)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
