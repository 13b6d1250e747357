/**
 * The search benchmark's closed loop: `clients` concurrent clients take the next request of a
 * fixed sequence until it is exhausted, and the latency of each request is kept by its position,
 * so the api and raw sides can be compared query by query.
 */

export interface SequenceResult {
  /** Latency in milliseconds of request i of the sequence (NaN when it failed). */
  latencies: Float64Array;
  /** Wall-clock milliseconds of the whole sequence. */
  elapsedMs: number;
  errors: number;
  firstError: string | null;
}

export async function runSequence(
  length: number,
  clients: number,
  op: (index: number) => Promise<void>,
): Promise<SequenceResult> {
  const latencies = new Float64Array(length).fill(Number.NaN);
  let next = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  const loop = async (): Promise<void> => {
    for (;;) {
      const i = next;
      next += 1;
      if (i >= length) return;
      const t0 = performance.now();
      try {
        await op(i);
        latencies[i] = performance.now() - t0;
      } catch (e) {
        errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return { latencies, elapsedMs: performance.now() - started, errors, firstError };
}
