import type autocannon from 'autocannon';

/**
 * The routes bench/api drives, each as the requests one autocannon connection sends. A
 * connection is given a slot number (0…49); the slot picks its person (connections are spread
 * over several people: write limits and ability checks are per person) and, for writes, the
 * situation it edits, so no two connections edit the same one.
 */

export type RouteKind = 'floor' | 'read' | 'write';

export interface RouteSpec {
  key: string;
  /** What is sent, for the report. */
  label: string;
  kind: RouteKind;
  /** The request(s) connection `slot` sends, over and over. */
  requestsFor(slot: number): autocannon.Request[];
  /** Runs between the warm-up and the measurement (answers cut off by the warm-up's end are lost). */
  beforeMeasure?: () => Promise<void>;
}

/** Someone who reads, with what they may read (found through the api before measuring). */
export interface Reader {
  email: string;
  token: string;
  /** Situations the person may read (ids). */
  cases: string[];
  /** nextCursor of the first page of the case list, for the second page. */
  caseListCursor: string | null;
}

/** An analyst who writes: their own situations (with the version last read) and their source. */
export interface Writer {
  token: string;
  sourceId: string;
  cases: { id: string; country: string; version: number }[];
}

export const CASE_LIST_QUERY = 'stage=monitoring,alert&limit=25';
export const PAGE = 25;
/** Item searches (words of the generated corpus, common to rarer, one with a country). */
export const SEARCHES = [
  'q=militia',
  'q=displaced&country=SDN',
  'q=checkpoint',
  'q=hate speech',
  'q=burned houses',
  'q=curfew&country=COD',
  'q=recruitment',
  'q=mass grave',
];

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const json = (token: string) => ({ ...auth(token), 'content-type': 'application/json' });

/** A GET whose path changes on every request: `paths(i)` for the i-th request of the connection. */
function rotating(token: string | null, paths: (i: number) => string): autocannon.Request[] {
  let i = 0;
  return [
    {
      method: 'GET',
      headers: token ? auth(token) : {},
      setupRequest: (req) => ({ ...req, path: paths(i++) }),
    },
  ];
}

const at = <T>(list: readonly T[], i: number): T => {
  const v = list[i % list.length];
  if (v === undefined) throw new Error('empty list');
  return v;
};

/** The framework floor and the read routes. */
export function readRoutes(readers: Reader[]): RouteSpec[] {
  const reader = (slot: number) => at(readers, slot);
  return [
    {
      key: 'floor',
      label: 'GET /api/health/live (no database, no auth)',
      kind: 'floor',
      requestsFor: () => rotating(null, () => '/api/health/live'),
    },
    {
      key: 'session',
      label: 'GET /api/auth/me (the session the web app opens with)',
      kind: 'read',
      requestsFor: (slot) => rotating(reader(slot).token, () => '/api/auth/me'),
    },
    {
      key: 'bell',
      label: 'GET /api/notifications?limit=1 (the bell: unread count, on every page)',
      kind: 'read',
      requestsFor: (slot) => rotating(reader(slot).token, () => '/api/notifications?limit=1'),
    },
    {
      key: 'case-list',
      label: `GET /api/cases?${CASE_LIST_QUERY} (pages 1 and 2 in turn)`,
      kind: 'read',
      requestsFor: (slot) => {
        const r = reader(slot);
        const cursor = r.caseListCursor ? `&cursor=${encodeURIComponent(r.caseListCursor)}` : '';
        return rotating(r.token, (i) => `/api/cases?${CASE_LIST_QUERY}${i % 2 ? cursor : ''}`);
      },
    },
    {
      key: 'case',
      label: 'GET /api/cases/:id (a situation the person may read, rotating)',
      kind: 'read',
      requestsFor: (slot) => {
        const r = reader(slot);
        return rotating(r.token, (i) => `/api/cases/${at(r.cases, slot * 7 + i)}`);
      },
    },
    {
      key: 'case-items',
      label: `GET /api/information-items?caseId=:id&limit=${PAGE} (a situation's items)`,
      kind: 'read',
      requestsFor: (slot) => {
        const r = reader(slot);
        return rotating(
          r.token,
          (i) => `/api/information-items?caseId=${at(r.cases, slot * 7 + i)}&limit=${PAGE}`,
        );
      },
    },
    {
      key: 'item-search',
      label: `GET /api/information-items?q=…&limit=${PAGE} (${SEARCHES.length} searches in turn)`,
      kind: 'read',
      requestsFor: (slot) =>
        rotating(
          reader(slot).token,
          (i) =>
            `/api/information-items?${encodeURI(at(SEARCHES, slot + i)).replace(/%20/g, '+')}&limit=${PAGE}`,
        ),
    },
  ];
}

/** Counters of the PATCH route's answers, for the report. */
export interface PatchTally {
  ok: number;
  stale: number;
}

/**
 * The write routes; `tally` counts the case edits that met a stale version; `rereadVersions`
 * reads every writer's situations again (edits in flight when the warm-up stopped were applied,
 * but their answers never reached the connection).
 */
export function writeRoutes(
  writers: Writer[],
  tally: PatchTally,
  rereadVersions: () => Promise<void>,
): RouteSpec[] {
  const writer = (slot: number) => at(writers, slot);
  // Slot s: writer s % W, their (s / W)-th situation: 50 slots, 10 writers × 5 situations.
  const ownCase = (slot: number) => at(writer(slot).cases, Math.floor(slot / writers.length));
  const today = new Date().toISOString().slice(0, 10);
  return [
    {
      key: 'item-create',
      label: 'POST /api/information-items (linked to a situation the writer leads)',
      kind: 'write',
      requestsFor: (slot) => {
        const w = writer(slot);
        const c = ownCase(slot);
        let n = 0;
        return [
          {
            method: 'POST',
            path: '/api/information-items',
            headers: json(w.token),
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                title: `Checkpoints reported on the market road (${slot}-${n++})`,
                description:
                  'Witnesses describe armed men stopping buses and separating passengers by group.',
                country: c.country,
                eventDate: today,
                kind: 'incident',
                sourceId: w.sourceId,
                credibility: 2,
                consent: 'yes',
                classification: 'confidential',
                caseIds: [c.id],
                indicatorIds: ['7.14'],
              }),
            }),
          },
        ];
      },
    },
    {
      key: 'comment',
      label: 'POST /api/cases/:id/comments (internal thread)',
      kind: 'write',
      requestsFor: (slot) => {
        const w = writer(slot);
        const c = ownCase(slot);
        let n = 0;
        return [
          {
            method: 'POST',
            path: `/api/cases/${c.id}/comments`,
            headers: json(w.token),
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                thread: 'internal',
                body: `Field update ${n++}: **new displacement** reported near the border.`,
              }),
            }),
          },
        ];
      },
    },
    {
      key: 'case-patch',
      label: 'PATCH /api/cases/:id with its version (own situation; 409 → take currentVersion)',
      kind: 'write',
      beforeMeasure: async () => {
        await rereadVersions();
        tally.ok = 0;
        tally.stale = 0;
      },
      requestsFor: (slot) => {
        const w = writer(slot);
        const c = ownCase(slot);
        let n = 0;
        return [
          {
            method: 'PATCH',
            path: `/api/cases/${c.id}`,
            headers: json(w.token),
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                version: c.version,
                summary: `Monitoring of intercommunal violence and displacement (revision ${n++}).`,
              }),
            }),
            onResponse: (status, body) => {
              const parsed = safeJson(body);
              if (status === 200 && typeof parsed.version === 'number') {
                c.version = parsed.version;
                tally.ok += 1;
              } else if (status === 409) {
                const details = parsed.details as { currentVersion?: unknown } | undefined;
                if (typeof details?.currentVersion === 'number') c.version = details.currentVersion;
                tally.stale += 1;
              }
            },
          },
        ];
      },
    },
  ];
}

function safeJson(body: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(body);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
