import type { Response } from 'supertest';
import type { Session, TestApi } from './api.js';

/** The one error shape of the API (docs/architecture.md §16). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string }[] | Record<string, unknown>;
}

/**
 * Asserts `res` is an error answer with `status` in the API's error shape (and nothing else in
 * the body), optionally with a message matching `message`. Returns the body.
 */
export function expectError(res: Response, status: number, message?: RegExp): ErrorBody {
  expect({ status: res.status, body: res.body as unknown }).toEqual({
    status,
    body: expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
    }),
  });
  const body = res.body as ErrorBody;
  expect(
    Object.keys(body).filter((k) => !['statusCode', 'error', 'message', 'details'].includes(k)),
  ).toEqual([]);
  expect(body.message.length).toBeGreaterThan(0);
  if (message) expect(body.message).toMatch(message);
  return body;
}

/** The field names listed in a 400's details. */
export function detailFields(body: ErrorBody): string[] {
  return Array.isArray(body.details) ? [...new Set(body.details.map((d) => d.field))] : [];
}

/** An audit entry as GET /api/audit presents it. */
export interface AuditItem {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  caseId: string | null;
  diff: Record<string, unknown>;
  /** Fields whose values the reader may not read (absent from diff). */
  withheldFields: string[];
  /** The reader may not read the record: every value withheld. */
  contentWithheld: boolean;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

/** Audit entries matching `query`, read through the admin's API (newest first). */
export async function auditEntries(
  api: TestApi,
  admin: Session,
  query: Record<string, string>,
): Promise<AuditItem[]> {
  const res = await api
    .http()
    .get('/api/audit')
    .query({ limit: '100', ...query })
    .set(admin.auth());
  if (res.status !== 200)
    throw new Error(`GET /api/audit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { items: AuditItem[] }).items;
}
