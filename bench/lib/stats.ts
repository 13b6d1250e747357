/** Latency and throughput summaries shared by the benchmarks. */

/** What one measured phase produced. */
export interface PhaseResult {
  /** Operations completed inside the measurement window. */
  ops: number;
  /** Failed operations inside the window (not counted in ops). */
  errors: number;
  /** Length of the measurement window in milliseconds. */
  windowMs: number;
  /** Latency of each counted operation, milliseconds. */
  latencies: Float64Array;
  /** First error seen, if any, for the report. */
  firstError: string | null;
}

/** Throughput and latency percentiles of a phase. */
export interface Summary {
  opsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  ops: number;
  errors: number;
  firstError: string | null;
}

/** Nearest-rank percentile of sorted values (q in 0..1). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Latency percentiles in milliseconds. */
export interface Dist {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function dist(values: ArrayLike<number>): Dist {
  const sorted = Float64Array.from(values).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

export function summarise(result: PhaseResult): Summary {
  const sorted = Float64Array.from(result.latencies).sort();
  return {
    opsPerSecond: result.windowMs > 0 ? (result.ops * 1000) / result.windowMs : 0,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    ops: result.ops,
    errors: result.errors,
    firstError: result.firstError,
  };
}

/**
 * Runs `clients` closed-loop clients calling `op(client)` for warmupMs + durationMs; counts the
 * operations that both start and finish inside the measurement window.
 */
export async function closedLoop(
  clients: number,
  warmupMs: number,
  durationMs: number,
  op: (client: number, iteration: number) => Promise<void>,
): Promise<PhaseResult> {
  const start = performance.now();
  const windowStart = start + warmupMs;
  const windowEnd = windowStart + durationMs;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const loop = async (client: number): Promise<void> => {
    for (let i = 0; performance.now() < windowEnd; i += 1) {
      const t0 = performance.now();
      try {
        await op(client, i);
        const t1 = performance.now();
        if (t0 >= windowStart && t1 <= windowEnd) latencies.push(t1 - t0);
      } catch (e) {
        if (t0 >= windowStart) errors += 1;
        firstError ??= e instanceof Error ? e.message : String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => loop(c)));
  return {
    ops: latencies.length,
    errors,
    windowMs: durationMs,
    latencies: Float64Array.from(latencies),
    firstError,
  };
}

export const fmt = {
  rate: (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-'),
  ms: (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-'),
  ratio: (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-'),
};

/** A GitHub-flavoured Markdown table (also readable in a terminal). */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
