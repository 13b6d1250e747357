import { randomUUID } from 'node:crypto';
import {
  ABSENT_WORD,
  type Canary,
  type CanaryRegistry,
  type Hit,
  type LeakLedger,
} from './canaries.js';
import type { Fixture } from './fixture.js';
import { inPool, type Answer, type HttpClient } from './http.js';
import { SearchOracle } from './oracle.js';
import { pdfText } from './pdf-text.js';
import {
  describeQuery,
  optionalFilters,
  parameterValues,
  routeInstances,
  wordFilters,
  type Route,
} from './routes.js';

/**
 * Every GET route of the OpenAPI document, called as one person: each path parameter filled with
 * every fixture id of the plausible kind (`routes.ts`), each list without filters, with each
 * declared filter filled with fixture values, and with search words (the oracle, `oracle.ts`);
 * every page followed; every answer scanned (JSON, CSV as text, PDF as extracted text, other bytes
 * as text).
 */

/** How one probe sweeps: who it is, whether after its cut, and which words it searches for. */
export interface SweepOptions {
  probe: string;
  token: string | null;
  afterCut: boolean;
  /** Words the probe may not read, searched for with the oracle; none skips filters and words. */
  oracleWords: Canary[] | null;
  concurrency?: number;
}

/** What a sweep did. */
export interface SweepStats {
  requests: number;
  routes: number;
  oracleComparisons: number;
}

/** Calls every GET route as one probe and records what it read in the ledger. */
export async function sweep(
  http: HttpClient,
  routes: Route[],
  fixture: Fixture,
  ledger: LeakLedger,
  options: SweepOptions,
): Promise<SweepStats> {
  const stats: SweepStats = { requests: 0, routes: routes.length, oracleComparisons: 0 };
  const registry = ledger.canaries;
  const channelOf = (path: string) =>
    path.startsWith('/api/audit')
      ? 'audit'
      : path.startsWith('/api/notifications')
        ? 'notifications'
        : 'http';

  /** One GET, scanned; pages followed when `follow`. Returns the first page's answer. */
  const get = async (path: string, query: Record<string, string>, follow = true) => {
    let first: Answer | null = null;
    let cursor: string | null = null;
    for (let page = 0; page < 200; page += 1) {
      const q = cursor ? { ...query, cursor } : query;
      const res = await http.call('GET', path, { token: options.token, query: q });
      stats.requests += 1;
      ledger.requests += 1;
      const where = `GET ${path}${describeQuery(q)}`;
      const sent = new Set(registry.findInText(decodeURIComponent(where)).map((f) => f.canary.key));
      ledger.record(
        { channel: channelOf(path), probe: options.probe, where, afterCut: options.afterCut, sent },
        await scanAnswer(registry, res),
      );
      first ??= res;
      const next = (res.json as { nextCursor?: unknown } | undefined)?.nextCursor;
      if (!follow || res.status !== 200 || typeof next !== 'string' || !next) break;
      cursor = next;
    }
    if (!first) throw new Error(`GET ${path}: no answer`);
    return first;
  };

  const oracle = new SearchOracle(
    (path, query) => get(path, query, false),
    fixture,
    ledger,
    options.probe,
    options.afterCut,
  );
  const tasks: (() => Promise<void>)[] = [];
  for (const route of routes) {
    for (const inst of routeInstances(route, fixture)) {
      tasks.push(async () => {
        const base = await get(inst.path, inst.query);
        if (!options.oracleWords) return;
        const optional = optionalFilters(route);
        const readable = base.status === 200;
        // Each declared filter, filled with fixture values (only where the route answers).
        if (readable) {
          for (const p of optional) {
            for (const v of parameterValues(p, fixture, base.json)) {
              await get(inst.path, { ...inst.query, [p.name]: v });
              // Filtering by a record the probe may not read says nothing more than a random id.
              const readers = fixture.readers.get(v);
              if (readers && !readers.has(options.probe) && !route.path.startsWith('/api/audit')) {
                await oracle.compare(inst, { [p.name]: v }, { [p.name]: randomUUID() }, null);
              }
            }
          }
        }
        // Search words: each word the probe may not read answers as a word that exists nowhere.
        for (const p of wordFilters(route)) {
          const words = readable ? options.oracleWords : options.oracleWords.slice(0, 1);
          for (const canary of words) {
            await oracle.compare(
              inst,
              { [p.name]: canary.word },
              { [p.name]: ABSENT_WORD },
              canary,
            );
          }
        }
      });
    }
  }

  await inPool(options.concurrency ?? 6, tasks);
  stats.oracleComparisons = oracle.comparisons;
  return stats;
}

/** Every canary in an answer: JSON by path, CSV and text by line, PDF as extracted text. */
export async function scanAnswer(registry: CanaryRegistry, res: Answer): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (const [name, value] of Object.entries(res.headers)) {
    for (const f of registry.findInText(value))
      hits.push({ canary: f.canary, at: `header ${name}` });
  }
  if (res.json !== undefined) {
    hits.push(...registry.findInJson(res.json));
    return hits;
  }
  if (res.contentType.includes('pdf')) {
    let text = '';
    try {
      text = await pdfText(res.bytes);
    } catch (error) {
      text = '';
      hits.push(...registry.findInBytes(res.bytes));
      if (res.status === 200) throw new Error(`a PDF that pdf.js cannot read: ${String(error)}`);
    }
    for (const f of registry.findInText(text))
      hits.push({ canary: f.canary, at: `PDF text offset ${f.offset}` });
    hits.push(...registry.findInBytes(res.bytes).map((h) => ({ ...h, at: `PDF ${h.at}` })));
    return hits;
  }
  for (const f of registry.findInText(res.text)) {
    const before = res.text.slice(0, f.offset);
    const line = before.split('\n').length;
    hits.push({ canary: f.canary, at: `line ${line} col ${f.offset - before.lastIndexOf('\n')}` });
  }
  hits.push(
    ...registry.findInBytes(res.bytes).filter((h) => !hits.some((x) => x.canary === h.canary)),
  );
  return hits;
}
