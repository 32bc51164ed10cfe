/**
 * Reads a value that may change at any moment (the results version), sharing reads among concurrent callers
 * without ever answering a caller from a read that began before it asked: a caller arriving while a read is in
 * flight waits for the next one, which starts when that read ends and serves everyone who arrived meanwhile. A
 * crowd of requests thus costs at most one read in flight and one queued, each as fresh as a read of its own.
 */
export class FreshRead<T> {
  private inFlight: Promise<T> | null = null;
  private queued: Promise<T> | null = null;
  private started = 0;

  constructor(private readonly read: () => Promise<T>) {}

  /** Reads begun so far (tests count how many a crowd of callers shared). */
  get reads(): number {
    return this.started;
  }

  get(): Promise<T> {
    if (this.inFlight === null) return this.start();
    if (this.queued === null) {
      const after = this.inFlight.then(
        () => {},
        () => {},
      );
      this.queued = after.then(() => {
        this.queued = null;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    this.started += 1;
    const read = this.read();
    this.inFlight = read;
    const clear = () => {
      if (this.inFlight === read) this.inFlight = null;
    };
    read.then(clear, clear);
    return read;
  }
}
