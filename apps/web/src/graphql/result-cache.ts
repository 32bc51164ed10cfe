/**
 * Results the dashboard's server has already asked the API for, keyed on the API's resultsVersion (which changes
 * whenever a run, model, dataset, image or human vote does) and the query with its variables. A crowd on one page
 * costs the API one cheap version query per view instead of every statistic; new results give new keys, so nothing
 * stale is served. Bounded: the oldest entries go first.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so eviction takes the least recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
