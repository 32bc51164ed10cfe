
/**
 * A few long-lived sessions, keyed, oldest-used evicted: the live path opens a model once and reuses it for
 * every request. A session that fails to open is forgotten so that the next call tries again.
 */
export class SessionCache<T extends { release(): Promise<void> }> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity: number) {}

  get(key: string, open: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // re-insert: Map keeps insertion order, so the first key is the least recently used
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const opening = open();
    this.entries.set(key, opening);
    opening.catch(() => this.entries.get(key) === opening && this.entries.delete(key));
    while (this.entries.size > this.capacity) {
      const [oldest, session] = this.entries.entries().next().value as [string, Promise<T>];
      this.entries.delete(oldest);
      void session.then((s) => s.release()).catch(() => {});
    }
    return opening;
  }

  get size(): number {
    return this.entries.size;
  }

  async clear(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map((s) => s.then((x) => x.release()).catch(() => {})));
  }
}
