import { Injectable } from '@nestjs/common';
import { DomainError, type DocumentStatus, type VersionReason } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';
import { documentAccess, type DocumentAccess } from './document-access.js';
import { documentRow } from './document-rows.store.js';
import { DocumentStore, type DocumentRow, type VersionRow } from './document.store.js';
import { insertVersion, versionById, versionByNumber } from './document-versions.store.js';
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
    const row = await documentRow(m, id, lock);
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
    const insertedId = await insertVersion(m, documentId, reason, status, frozen, userId);
    const version = await versionById(m, insertedId);
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
    const row = await versionByNumber(m, documentId, n);
    if (!row) throw new DomainError('not_found', `This document has no version ${n}.`);
    return row;
  }
}
