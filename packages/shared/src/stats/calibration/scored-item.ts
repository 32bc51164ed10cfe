/**
 * One face as calibration sees it: a probability vector over K classes (used as given, not renormalised) and the
 * index of its gold class.
 */
export interface ScoredItem {
  readonly p: readonly number[];
  readonly gold: number;
}

/** conf = the largest probability, prediction = its class (the first on ties). */
export function topLabel(p: readonly number[]): { readonly conf: number; readonly predicted: number } {
  let predicted = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[predicted]!) predicted = k;
  return { conf: p[predicted]!, predicted };
}

/** Per face: conf and whether its prediction is the gold class, in input order. */
export function confidences(items: readonly ScoredItem[]): { readonly conf: Float64Array; readonly correct: Uint8Array } {
  const conf = new Float64Array(items.length);
  const correct = new Uint8Array(items.length);
  items.forEach((item, i) => {
    const top = topLabel(item.p);
    conf[i] = top.conf;
    correct[i] = top.predicted === item.gold ? 1 : 0;
  });
  return { conf, correct };
}

/** Checks every vector has K finite probabilities in [0, 1] and a gold index in 0…K−1; names the first bad item. */
export function checkScoredItems(items: readonly ScoredItem[], classes: number): void {
  items.forEach((item, i) => {
    if (item.p.length !== classes) throw new RangeError(`items[${i}].p: expected ${classes} probabilities, got ${item.p.length}`);
    item.p.forEach((v, k) => {
      if (!(Number.isFinite(v) && v >= 0 && v <= 1)) throw new RangeError(`items[${i}].p[${k}]: expected a probability in [0, 1], got ${v}`);
    });
    if (!Number.isInteger(item.gold) || item.gold < 0 || item.gold >= classes)
      throw new RangeError(`items[${i}].gold: expected a class index 0…${classes - 1}, got ${item.gold}`);
  });
}
