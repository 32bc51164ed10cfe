/** Maps a label to its position in the declared categories; an undeclared label is an error, never skipped. */
export function categoryIndexer(categories: readonly string[]): (label: string, where: string) => number {
  const index = new Map<string, number>();
  categories.forEach((c, k) => {
    if (index.has(c)) throw new RangeError(`category "${c}" is declared twice`);
    index.set(c, k);
  });
  return (label, where) => {
    const k = index.get(label);
    if (k === undefined) throw new RangeError(`${where}: label "${label}" is not one of the categories (${categories.join(', ')})`);
    return k;
  };
}
