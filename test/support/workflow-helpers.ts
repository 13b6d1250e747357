import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { sessionFor, type Session, type TestApi } from './api.js';

/** An HTTP client factory: the plain supertest one or a ConcurrentApi's socket client. */
export type HttpClient = () => TestAgent;

/** An escalation as the API presents it (the fields the tests read). */
export interface EscalationBody {
  id: string;
  caseId: string;
  fromStage: string;
  toStage: string;
  status: string;
  proposedBy: { id: string; displayName: string };
  approvals: {
    userId: string;
    displayName: string;
    email: string;
    at: string;
    note: string | null;
  }[];
  approvalsRequired: number;
  decidedBy: { id: string; displayName: string } | null;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
  waitingSeconds: number;
  canApprove: boolean;
}

/** Proposes moving `caseId` to `toStage` as `s`. */
export function proposeMove(
  http: HttpClient,
  s: Session,
  caseId: string,
  toStage: string,
): Promise<Response> {
  return http()
    .post(`/api/cases/${caseId}/escalations`)
    .set(s.auth())
    .send({ toStage, justification: `Move to ${toStage}: evidence attached.` });
}

/** Sends approve / reject / withdraw on an escalation as `s`. */
export function decideOn(
  http: HttpClient,
  s: Session,
  escalationId: string,
  decision: 'approve' | 'reject' | 'withdraw',
  note?: string,
): Promise<Response> {
  return http()
    .post(`/api/escalations/${escalationId}/${decision}`)
    .set(s.auth())
    .send(note === undefined ? {} : { note });
}

/** `n` signed-in users with these roles and clearance. */
export function sessionsFor(
  api: TestApi,
  n: number,
  overrides: Parameters<typeof sessionFor>[1] = {},
): Promise<Session[]> {
  return Promise.all(Array.from({ length: n }, () => sessionFor(api, overrides)));
}

/** Statuses, counted: { 200: 1, 409: 19 }. */
export function tally(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/** Every item of a keyset-paged list, following nextCursor (fails on a non-200 page). */
export async function allPages<T>(
  http: HttpClient,
  s: Session,
  path: string,
  query: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page += 1) {
    const res: Response = await http()
      .get(path)
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .set(s.auth());
    if (res.status !== 200)
      throw new Error(`GET ${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
    const body = res.body as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`GET ${path}: more than 1000 pages`);
}
