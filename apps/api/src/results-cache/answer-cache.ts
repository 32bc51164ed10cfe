export type Answer = Record<string, unknown>;

export interface AnswerCacheStats {
  /** Answered from the cache. */
  hits: number;
  /** Answered by waiting for the same question another request was already computing. */
  joined: number;
  /** Computed (the first request for a question at a results version). */
  misses: number;
  entries: number;
}

/**
 * GraphQL answers keyed on (results version, question), least recently used first out, with one computation per
 * question at a time: requests for a question already being computed wait for that answer instead of computing it
 * again (a crowd arriving just after a run ends costs one computation, not one per client). Only complete answers
 * are kept; a failed or erroneous computation releases its waiters to compute their own.
 */
export class AnswerCache {
  /** Least recently used first (a Map keeps insertion order: re-inserted on use), with each answer's JSON length. */
  private readonly answers = new Map<string, { answer: Answer; chars: number }>();
  private chars = 0;
  private readonly computing = new Map<string, { promise: Promise<Answer | null>; settle: (answer: Answer | null) => void }>();
  private readonly counts = { hits: 0, joined: 0, misses: 0 };

  constructor(
    /** The most characters of JSON kept in all (the oldest answers go first); one answer over a tenth of it is not kept. */
    private readonly maxChars: number,
  ) {}

  /** The cached answer, or one being computed for the key (awaited), or undefined: the caller computes it, then calls settle. */
  async lookup(key: string): Promise<Answer | undefined> {
    const cached = this.answers.get(key);
    if (cached !== undefined) {
      this.answers.delete(key);
      this.answers.set(key, cached);
      this.counts.hits += 1;
      return cached.answer;
    }
    const computing = this.computing.get(key);
    if (computing !== undefined) {
      const answer = await computing.promise;
      if (answer !== null) {
        this.counts.joined += 1;
        return answer;
      }
    }
    this.counts.misses += 1;
    if (!this.computing.has(key)) {
      let settle!: (answer: Answer | null) => void;
      const promise = new Promise<Answer | null>((resolve) => (settle = resolve));
      this.computing.set(key, { promise, settle });
    }
    return undefined;
  }

  /** Ends the computation lookup() handed out: the answer (kept if not too large) or null (nothing kept). */
  settle(key: string, answer: Answer | null): void {
    if (answer !== null) this.keep(key, answer);
    const computing = this.computing.get(key);
    if (computing === undefined) return;
    this.computing.delete(key);
    computing.settle(answer);
  }

  stats(): AnswerCacheStats & { chars: number } {
    return { ...this.counts, entries: this.answers.size, chars: this.chars };
  }

  private keep(key: string, answer: Answer): void {
    const chars = JSON.stringify(answer).length;
    if (chars > this.maxChars / 10) return;
    const old = this.answers.get(key);
    if (old !== undefined) {
      this.answers.delete(key);
      this.chars -= old.chars;
    }
    this.answers.set(key, { answer, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.answers) {
      if (this.chars <= this.maxChars) break;
      this.answers.delete(oldest);
      this.chars -= entry.chars;
    }
  }
}
