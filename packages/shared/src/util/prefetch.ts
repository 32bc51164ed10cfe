
/**
 * Yields fn(item) for each item in order while keeping up to `depth` calls running ahead, so that producing the
 * next results overlaps with the consumer's work on the current one.
 */
export async function* prefetch<T, R>(items: Iterable<T>, depth: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const iterator = items[Symbol.iterator]();
  const queue: Promise<R>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = iterator.next();
      if (next.done) return;
      const started = fn(next.value);
      started.catch(() => {}); // rejections are rethrown when the consumer reaches this item
      queue.push(started);
    }
  };
  fill();
  while (queue.length > 0) {
    const result = await (queue.shift() as Promise<R>);
    fill(); // refilled before yielding, so the next `depth` run while the consumer works on this one
    yield result;
  }
}
