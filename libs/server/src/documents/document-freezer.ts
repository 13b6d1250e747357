import { Injectable } from '@nestjs/common';
import { DomainError, type DocumentStatus, type VersionReason } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { queryRows } from '../database/named-query.js';
import { documentAccess, type DocumentAccess } from './document-access.js';
import {
  DOCUMENT_COLUMNS,
  DOCUMENT_FROM,
  VERSION_FROM,
  VERSION_SUMMARY_COLUMNS,
  type DocumentRow,
  type VersionRow,
} from './document.store.js';
import { DocumentStore } from './document.store.js';
import { documentText } from './document-text.js';

/** A document the caller may read, its row locked for the rest of the transaction. */
export interface LockedDocument {
  access: DocumentAccess;
  row: DocumentRow;
}

/**
 * Loading documents for the caller and freezing their text as versions. A freeze runs under the
 * row's update lock, which the socket's appends wait on (they take a share lock), so the text
 * frozen is exactly the text at the moment the status changes.
 */
@Injectable()
export class DocumentFreezer {
  constructor(private readonly store: DocumentStore) {}

  /** The document if the caller may read it, else 404 (hidden means absent). */
  async access(m: EntityManager, context: RequestContext, id: string): Promise<DocumentAccess> {
    if (!context.actor) throw new DomainError('unauthenticated', 'Sign in first.');
    const access = await documentAccess(m, context.actor, id);
    if (!access) throw new DomainError('not_found', 'No such document.');
    return access;
  }

  /** Reads and, with `lock`, locks the document row (inside the caller's transaction). */
  async row(m: EntityManager, id: string, lock = false): Promise<DocumentRow> {
    const [row] = await queryRows<DocumentRow>(
      m,
      `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.id = $1 ${lock ? 'FOR UPDATE OF d' : ''}`,
      [id],
    );
    if (!row) throw new DomainError('not_found', 'No such document.');
    return row;
  }

  /** Checks access, then locks the row: what every write on a document starts with. */
  async lockFor(m: EntityManager, context: RequestContext, id: string): Promise<LockedDocument> {
    const access = await this.access(m, context, id);
    return { access, row: await this.row(m, id, true) };
  }

  /** Refuses a step taken on a version of the document other than the one read. */
  assertVersion(row: DocumentRow, expected: number | undefined): void {
    if (expected !== undefined && expected !== row.version) {
      throw new DomainError(
        'stale_version',
        `This document changed since you read it (now version ${row.version}). Reload it and try again.`,
        { currentVersion: row.version },
      );
    }
  }

  /**
   * Freezes the document's current text as its next version. The caller holds the row lock, so
   * no update lands between the text read here and the status written next.
   */
  async freeze(
    m: EntityManager,
    documentId: string,
    reason: VersionReason,
    status: DocumentStatus,
    userId: string,
  ): Promise<VersionRow> {
    const frozen = documentText(await this.store.loadDoc(documentId, m));
    const [inserted] = await queryRows<{ id: string }>(
      m,
      `INSERT INTO document_versions (document_id, number, reason, status, text, html, sha256, created_by)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7
       FROM document_versions WHERE document_id = $1 RETURNING id`,
      [documentId, reason, status, frozen.text, frozen.html, frozen.sha256, userId],
    );
    if (!inserted) throw new Error('insert returned no row');
    const [version] = await queryRows<VersionRow>(
      m,
      `SELECT ${VERSION_SUMMARY_COLUMNS}, v.text, v.html FROM ${VERSION_FROM} WHERE v.id = $1`,
      [inserted.id],
    );
    if (!version) throw new Error('version vanished');
    return version;
  }

  /** One version with its text, or 404. */
  async version(
    m: EntityManager,
    documentId: string,
    number: string | number,
  ): Promise<VersionRow> {
    const n = typeof number === 'number' ? number : Number(number);
    if (!/^\d{1,9}$/.test(String(number)) || !Number.isSafeInteger(n)) {
      throw new DomainError('not_found', 'No such version.');
    }
    const [row] = await queryRows<VersionRow>(
      m,
      `SELECT ${VERSION_SUMMARY_COLUMNS}, v.text, v.html FROM ${VERSION_FROM}
       WHERE v.document_id = $1 AND v.number = $2`,
      [documentId, n],
    );
    if (!row) throw new DomainError('not_found', `This document has no version ${n}.`);
    return row;
  }
}
