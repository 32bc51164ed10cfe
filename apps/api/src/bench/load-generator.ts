/** One measured target: what a client sends, checked for a 2xx answer whose body is read to the end. */
export interface LoadTarget {
  name: string;
  send(signal?: AbortSignal): Promise<Response>;
}

/** A request still unanswered after this long counts as an error, so each target's window stays bounded. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface LoadFigures {
  requests: number;
  errors: number;
  reqPerS: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const quantile = (sorted: readonly number[], q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);

/**
 * `clients` concurrent clients, each sending the target's request as soon as its previous answer is read, for
 * `seconds`: latency quantiles of the answers and requests per second over the whole window. A non-2xx answer or
 * a failed request counts as an error (and its time is not a latency).
 */
export async function loadTest(target: LoadTarget, clients: number, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          const response = await target.send(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
          await response.arrayBuffer();
          if (response.ok) latencies.push(performance.now() - t0);
          else errors++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, errors, reqPerS: sorted.length / elapsed, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), p99Ms: quantile(sorted, 0.99) };
}

/** Clients sending `target` in a loop until stop() (the load beside the measured one); resolves with their count. */
export function backgroundLoad(target: LoadTarget, clients: number): { stop(): Promise<number> } {
  let running = true;
  let sent = 0;
  const loops = Array.from({ length: clients }, async () => {
    while (running) {
      try {
        await (await target.send(AbortSignal.timeout(REQUEST_TIMEOUT_MS))).arrayBuffer();
        sent++;
      } catch {
        // counted as not sent
      }
    }
  });
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return sent;
    },
  };
}
