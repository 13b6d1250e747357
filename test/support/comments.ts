import type { Response } from 'supertest';
import type { HttpApi, Session, TestApi } from './api.js';
import { testPool } from './factories.js';

/** A comment as the API presents it. */
export interface CommentBody {
  id: string;
  caseId: string;
  thread: 'internal' | 'framework_team';
  parentId: string | null;
  author: { id: string; displayName: string; organisationAcronym: string };
  body: string;
  bodyHtml: string;
  mentions: { id: string; displayName: string }[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  deleted: boolean;
}

/** Every key of a comment, sorted. */
export const COMMENT_KEYS = [
  'author',
  'body',
  'bodyHtml',
  'caseId',
  'createdAt',
  'deleted',
  'deletedAt',
  'editedAt',
  'id',
  'mentions',
  'parentId',
  'thread',
];

/** POST /api/cases/:id/comments as `session`. */
export function postComment(
  api: HttpApi,
  session: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<Response> {
  return api.http().post(`/api/cases/${caseId}/comments`).set(session.auth()).send(body);
}

/** Posts a comment that must succeed and returns it. */
export async function comment(
  api: HttpApi,
  session: Session,
  caseId: string,
  body: Record<string, unknown>,
): Promise<CommentBody> {
  const res = await postComment(api, session, caseId, body);
  if (res.status !== 201)
    throw new Error(`POST comment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CommentBody;
}

/** GET one page of a thread. */
export function readThread(
  api: TestApi,
  session: Session,
  caseId: string,
  query: Record<string, string>,
): Promise<Response> {
  return api.http().get(`/api/cases/${caseId}/comments`).query(query).set(session.auth());
}

/** Shares (or unshares) a case with the Framework Team as `adviser`; must succeed. */
export async function setPriority(
  api: TestApi,
  adviser: Session,
  caseId: string,
  shared: boolean,
): Promise<void> {
  const res = await api
    .http()
    .post(`/api/cases/${caseId}/priority`)
    .set(adviser.auth())
    .send({ shared });
  if (res.status !== 200)
    throw new Error(`POST priority: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Rows written about a case, counted straight from the database. */
export async function writtenFor(caseId: string) {
  const { rows } = await testPool().query<{
    comments: number;
    events: number;
    audit: number;
    endorsements: number;
    notifications: number;
  }>(
    `SELECT (SELECT count(*)::int FROM comments WHERE case_id = $1) AS comments,
       (SELECT count(*)::int FROM case_events WHERE case_id = $1) AS events,
       (SELECT count(*)::int FROM audit_log WHERE case_id = $1) AS audit,
       (SELECT count(*)::int FROM endorsements WHERE case_id = $1) AS endorsements,
       (SELECT count(*)::int FROM notifications WHERE case_id = $1) AS notifications`,
    [caseId],
  );
  return rows[0];
}

/** Notifications of one user about one case, straight from the database. */
export async function notificationsOf(userId: string, caseId: string) {
  const { rows } = await testPool().query<{ type: string; payload: Record<string, unknown> }>(
    'SELECT type, payload FROM notifications WHERE user_id = $1 AND case_id = $2 ORDER BY created_at',
    [userId, caseId],
  );
  return rows;
}
