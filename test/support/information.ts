import type { Session, HttpApi, TestApi } from './api.js';

/** A source as POST /api/sources answers it. */
export interface SourceBody {
  id: string;
  name: string;
  kind: string;
  reliability: string;
  contactNotes: string;
  version: number;
}

/** An item as the API answers it (the fields tests look at). */
export interface ItemBody {
  id: string;
  title: string;
  description: string;
  country: string;
  kind: string;
  grade: string;
  gradeMeaning: string;
  credibility: number;
  classification: string;
  version: number;
  indicatorIds: string[];
  cases: { id: string; reference: string }[];
  source: {
    protected: boolean;
    id: string | null;
    name: string;
    kind: string | null;
    reliability: string;
  };
  titleHighlight: { text: string; match: boolean }[];
  snippet: { text: string; match: boolean }[];
  attachments: {
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
  }[];
  speechAssessment: null | {
    level: string;
    parts: { part: string; met: boolean }[];
    version: number;
  };
  canEdit: boolean;
}

export interface ItemPage {
  items: ItemBody[];
  nextCursor: string | null;
}

let sourceCounter = 0;

/** Records a source as `session`. */
export async function createSource(
  api: HttpApi,
  session: Session,
  overrides: Record<string, unknown> = {},
): Promise<SourceBody> {
  sourceCounter += 1;
  const res = await api
    .http()
    .post('/api/sources')
    .set(session.auth())
    .send({
      name: `Field monitor ${sourceCounter} ${Date.now()}`,
      kind: 'civil_society',
      reliability: 'B',
      contactNotes: 'Reach through the regional office only.',
      ...overrides,
    });
  if (res.status !== 201)
    throw new Error(`create source: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as SourceBody;
}

/** The body of a valid new item citing `sourceId`. */
export function itemInput(sourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Militia checkpoints around the market town',
    description: 'Witnesses describe armed men stopping buses and separating passengers by group.',
    country: 'SDN',
    eventDate: '2026-10-02',
    kind: 'incident',
    sourceId,
    credibility: 2,
    consent: 'yes',
    classification: 'unclassified',
    ...overrides,
  };
}

/** Records an item as `session`. */
export async function recordItem(
  api: TestApi,
  session: Session,
  sourceId: string,
  overrides: Record<string, unknown> = {},
): Promise<ItemBody> {
  const res = await api
    .http()
    .post('/api/information-items')
    .set(session.auth())
    .send(itemInput(sourceId, overrides));
  if (res.status !== 201) throw new Error(`record item: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ItemBody;
}

/** Every page of GET /api/information-items for `query`. */
export async function searchAll(
  api: TestApi,
  session: Session,
  query: Record<string, string | string[]>,
): Promise<ItemBody[]> {
  const items: ItemBody[] = [];
  let cursor: string | null = null;
  do {
    const res = await api
      .http()
      .get('/api/information-items')
      .query({ ...query, limit: '100', ...(cursor ? { cursor } : {}) })
      .set(session.auth());
    if (res.status !== 200) throw new Error(`search: ${res.status} ${JSON.stringify(res.body)}`);
    const page = res.body as ItemPage;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
