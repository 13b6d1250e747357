import type { DocumentStatus, VersionReason } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { queryRows, type Db } from '../database/named-query.js';
import type { DocumentText } from './document-text.js';
import { VERSION_FROM, VERSION_SUMMARY_COLUMNS, type VersionRow } from './document.store.js';

/**
 * Frozen versions of a document (document_versions): numbered per document, never changed once
 * written. A version is inserted under the document row's update lock (DocumentFreezer).
 */

/** Inserts the document's next version (numbered after its last); returns its id. */
export async function insertVersion(
  m: EntityManager,
  documentId: string,
  reason: VersionReason,
  status: DocumentStatus,
  frozen: DocumentText,
  userId: string,
): Promise<string> {
  const [inserted] = await queryRows<{ id: string }>(
    m,
    `INSERT INTO document_versions (document_id, number, reason, status, text, html, sha256, created_by)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7
       FROM document_versions WHERE document_id = $1 RETURNING id`,
    [documentId, reason, status, frozen.text, frozen.html, frozen.sha256, userId],
  );
  if (!inserted) throw new Error('insert returned no row');
  return inserted.id;
}

/** One version by its id, with its text and HTML. */
export async function versionById(m: EntityManager, id: string): Promise<VersionRow | undefined> {
  const [version] = await queryRows<VersionRow>(
    m,
    `SELECT ${VERSION_SUMMARY_COLUMNS}, v.text, v.html FROM ${VERSION_FROM} WHERE v.id = $1`,
    [id],
  );
  return version;
}

/** Version `number` of a document, with its text and HTML. */
export async function versionByNumber(
  m: EntityManager,
  documentId: string,
  number: number,
): Promise<VersionRow | undefined> {
  const [row] = await queryRows<VersionRow>(
    m,
    `SELECT ${VERSION_SUMMARY_COLUMNS}, v.text, v.html FROM ${VERSION_FROM}
       WHERE v.document_id = $1 AND v.number = $2`,
    [documentId, number],
  );
  return row;
}

/**
 * One page of a document's versions without their bodies, newest first (`take` rows at most),
 * before version number `before` when given.
 */
export async function versionsOfDocument(
  db: Db,
  documentId: string,
  take: number,
  before?: number,
): Promise<VersionRow[]> {
  const params: unknown[] = [documentId, take];
  let older = '';
  if (before !== undefined) {
    params.push(before);
    older = 'AND v.number < $3';
  }
  return queryRows<VersionRow>(
    db,
    `SELECT ${VERSION_SUMMARY_COLUMNS} FROM ${VERSION_FROM}
       WHERE v.document_id = $1 ${older} ORDER BY v.number DESC LIMIT $2`,
    params,
  );
}

/** The latest version frozen on transmission, with its text (not its HTML). */
export async function latestTransmittedVersion(
  m: EntityManager,
  documentId: string,
): Promise<VersionRow | undefined> {
  const [version] = await queryRows<VersionRow>(
    m,
    `SELECT ${VERSION_SUMMARY_COLUMNS}, v.text FROM ${VERSION_FROM}
       WHERE v.document_id = $1 AND v.reason = 'transmitted' ORDER BY v.number DESC LIMIT 1`,
    [documentId],
  );
  return version;
}
