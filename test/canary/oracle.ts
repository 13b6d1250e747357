import type { Canary, LeakLedger } from './canaries.js';
import type { Fixture } from './fixture.js';
import type { Answer } from './http.js';
import { describeQuery, type RouteInstance } from './routes.js';

/**
 * The search oracle: a word the probe may not read (or a record it may not read, as a filter)
 * must be answered exactly as a word or id that exists nowhere. Any difference tells the probe
 * that the hidden thing exists, and is a leak.
 */

/** One GET as the probe, scanned into the ledger, without following pages. */
export type FetchOnePage = (path: string, query: Record<string, string>) => Promise<Answer>;

/** The search oracle of one probe's sweep: compares answers and records differences as leaks. */
export class SearchOracle {
  /** How many comparisons were made. */
  comparisons = 0;
  /** Baseline answers by path and query, fetched once each. */
  private readonly baselines = new Map<string, Promise<Answer>>();

  constructor(
    private readonly fetch: FetchOnePage,
    private readonly fixture: Fixture,
    private readonly ledger: LeakLedger,
    private readonly probe: string,
    private readonly afterCut: boolean,
  ) {}

  /** Compares the answer to `probeQuery` with the answer to `baselineQuery`. */
  async compare(
    inst: RouteInstance,
    probeQuery: Record<string, string>,
    baselineQuery: Record<string, string>,
    canary: Canary | null,
  ): Promise<void> {
    const key = `${inst.path}?${JSON.stringify({ ...inst.query, ...baselineQuery })}`;
    const baselinePromise =
      this.baselines.get(key) ?? this.fetch(inst.path, { ...inst.query, ...baselineQuery });
    this.baselines.set(key, baselinePromise);
    const [baseline, probed] = await Promise.all([
      baselinePromise,
      this.fetch(inst.path, { ...inst.query, ...probeQuery }),
    ]);
    this.comparisons += 1;
    const replaced = Object.values(probeQuery);
    const by = Object.values(baselineQuery);
    const difference = differs(
      normalise(baseline, by, '<word>'),
      normalise(probed, replaced, '<word>'),
    );
    const where = `GET ${inst.path}${describeQuery({ ...inst.query, ...probeQuery })}`;
    const observation = { channel: 'oracle', probe: this.probe, where, afterCut: this.afterCut };
    if (difference) {
      const value = Object.values(probeQuery)[0] ?? '';
      const subject =
        canary ?? filterSubject(this.fixture, Object.keys(probeQuery)[0] ?? '', value);
      this.ledger.record(observation, [
        { canary: subject, at: `answer differs from a word that exists nowhere: ${difference}` },
      ]);
    } else {
      this.ledger.record(observation, []);
    }
  }
}

/** A record named by its id in a filter, reported like a canary (it is registered nowhere). */
function filterSubject(fixture: Fixture, param: string, id: string): Canary {
  const kind = [...fixture.ids].find(([, ids]) => ids.has(id))?.[0] ?? 'record';
  return {
    word: id,
    key: id,
    match: 'id',
    kind,
    field: `id as filter ${param}`,
    recordId: id,
    situation: null,
    readers: new Set(),
    logsOnly: false,
    exemptAt: null,
    phase: 'filter',
    neverStored: false,
  };
}

/** Keys whose values change from one call to the next. */
const VOLATILE = new Set(['waitingSeconds', 'requestId', 'generatedAt', 'now', 'serverTime']);

/** An answer as compared by the oracle: status and body, the searched word replaced. */
function normalise(res: Answer, words: string[], placeholder: string): unknown {
  const swap = (s: string) => words.reduce((t, w) => t.split(w).join(placeholder), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return swap(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => !VOLATILE.has(k))
          .map(([k, x]) => [k, walk(x)]),
      );
    return v;
  };
  const exportHeaders = Object.fromEntries(
    Object.entries(res.headers).filter(([k]) => k.startsWith('x-export') || k === 'x-total-count'),
  );
  return {
    status: res.status,
    headers: exportHeaders,
    body: res.json !== undefined ? walk(res.json) : swap(res.text),
  };
}

/** The first difference between two values, as `path: a ≠ b`, or null. */
function differs(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b))
    return `${path}: ${short(a)} ≠ ${short(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length: ${a.length} ≠ ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const d = differs(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = differs(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  if (typeof a === 'string' && typeof b === 'string' && a !== b) {
    // Texts (CSV): the first differing line.
    const la = a.split('\n');
    const lb = b.split('\n');
    if (la.length !== lb.length) return `${path} lines: ${la.length} ≠ ${lb.length}`;
    const i = la.findIndex((l, n) => l !== lb[n]);
    return `${path} line ${i + 1}: ${short(la[i])} ≠ ${short(lb[i])}`;
  }
  return a === b ? null : `${path}: ${short(a)} ≠ ${short(b)}`;
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}
