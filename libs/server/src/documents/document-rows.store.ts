import type { DocumentKind, DocumentStatus } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { queryRows, type Db } from '../database/named-query.js';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow } from './document.store.js';

/**
 * The documents rows themselves: access, reading, creating, and the status a review step writes.
 * Their Yjs content: DocumentStore; their frozen versions: document-versions.store.ts. A write
 * runs in the caller's transaction, which has locked the document row first (DocumentFreezer).
 */

/** A document row as the access rules need it. */
export interface DocumentAccessRow {
  id: string;
  case_id: string;
  status: DocumentStatus;
}

/** The document's id, case and status, as the access rules need them. */
export async function documentAccessRow(
  m: EntityManager,
  id: string,
): Promise<DocumentAccessRow | undefined> {
  const [document] = await queryRows<DocumentAccessRow>(
    m,
    'SELECT id, case_id, status FROM documents WHERE id = $1',
    [id],
  );
  return document;
}

/** One document as presented, no access check; with `lock`, its row locked (FOR UPDATE OF d). */
export async function documentRow(
  m: EntityManager,
  id: string,
  lock = false,
): Promise<DocumentRow | undefined> {
  const [row] = await queryRows<DocumentRow>(
    m,
    `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`,
    [id],
  );
  return row;
}

/**
 * One page of a case's documents, newest first (`take` rows at most), after the keyset `after`
 * (created_at to the microsecond, id) when given.
 */
export async function documentsOfCase(
  db: Db,
  caseId: string,
  take: number,
  after?: { at: string; id: string },
): Promise<DocumentRow[]> {
  const params: unknown[] = [caseId, take];
  let before = '';
  if (after) {
    params.push(after.at, after.id);
    before = 'AND (d.created_at, d.id) < ($3::timestamptz, $4::uuid)';
  }
  return queryRows<DocumentRow>(
    db,
    `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.case_id = $1 ${before}
       ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
    params,
  );
}

/** Inserts a new, empty document in drafting; returns its id. */
export async function insertDocument(
  m: EntityManager,
  caseId: string,
  kind: DocumentKind,
  title: string,
  userId: string,
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    m,
    'INSERT INTO documents (case_id, kind, title, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
    [caseId, kind, title, userId],
  );
  if (!created) throw new Error('insert returned no row');
  return created.id;
}

/** The id of the document revising `id`, if one was started. */
export async function revisionIdOf(m: EntityManager, id: string): Promise<string | null> {
  const [existing] = await queryRows<{ id: string }>(
    m,
    'SELECT id FROM documents WHERE revision_of = $1',
    [id],
  );
  return existing?.id ?? null;
}

/** Inserts a drafting document revising `original`, starting from `state`; returns its id. */
export async function insertRevision(
  m: EntityManager,
  original: Pick<DocumentRow, 'id' | 'case_id' | 'kind' | 'title'>,
  state: Uint8Array,
  userId: string,
): Promise<string> {
  const [created] = await queryRows<{ id: string }>(
    m,
    `INSERT INTO documents (case_id, kind, title, state, revision_of, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [original.case_id, original.kind, original.title, Buffer.from(state), original.id, userId],
  );
  if (!created) throw new Error('insert returned no row');
  return created.id;
}

/** Marks a document transmitted to `recipient` with the hash of the text sent; bumps its version. */
export async function markTransmitted(
  m: EntityManager,
  id: string,
  status: DocumentStatus,
  recipient: string | null,
  sha256: string,
): Promise<void> {
  await m.query(
    `UPDATE documents SET status = $2, transmitted_to = $3, transmitted_at = now(),
             transmitted_sha256 = $4, version = version + 1, updated_at = now() WHERE id = $1`,
    [id, status, recipient, sha256],
  );
}

/** Sets a document's status and bumps its version. */
export async function setDocumentStatus(
  m: EntityManager,
  id: string,
  status: DocumentStatus,
): Promise<void> {
  await m.query(
    'UPDATE documents SET status = $2, version = version + 1, updated_at = now() WHERE id = $1',
    [id, status],
  );
}
