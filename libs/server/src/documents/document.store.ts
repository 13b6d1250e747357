import { subject } from '@casl/ability';
import {
  availableTransitions,
  fourEyesBlocks,
  isEditableStatus,
  type TransitionRights,
  type DocumentKind,
  type DocumentStatus,
  type VersionReason,
} from '@vigil/domain';
import { isoMicros } from '../cases/case-filters.js';
import { caseSubject, type CaseRow } from '../cases/case.store.js';
import type { RequestContext } from '../common/request-context.js';
import type { DocumentResponse } from './dto/document.response.js';
import type {
  DocumentVersionResponse,
  DocumentVersionSummary,
} from './dto/document-version.response.js';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DRAFTER_SQL } from '../authorization/case-readers.sql.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/named-query.js';
import { checkUpdateBounds } from './document-bounds.js';

/** Columns for presenting a document, over `documents d`. */
export const DOCUMENT_COLUMNS = `d.id, d.case_id, d.kind, d.title, d.status, d.revision_of, d.version,
  d.created_by, author.display_name AS created_by_name, d.created_at, d.updated_at,
  d.transmitted_to, d.transmitted_at, d.transmitted_sha256,
  (SELECT r.id FROM documents r WHERE r.revision_of = d.id) AS revision_id,
  (SELECT sv.created_by FROM document_versions sv WHERE sv.document_id = d.id
     AND sv.reason = 'submitted' ORDER BY sv.number DESC LIMIT 1) AS submitted_by,
  ${isoMicros('d.created_at')} AS created_key`;

/** FROM clause matching DOCUMENT_COLUMNS. */
export const DOCUMENT_FROM = 'documents d JOIN users author ON author.id = d.created_by';

/** A document row as DOCUMENT_COLUMNS selects it. */
export interface DocumentRow {
  id: string;
  case_id: string;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  revision_of: string | null;
  revision_id: string | null;
  version: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  transmitted_to: string | null;
  transmitted_at: Date | null;
  transmitted_sha256: string | null;
  /** Who submitted it for the review under way (the latest submission), if ever submitted. */
  submitted_by: string | null;
  /** created_at to the microsecond, for cursors. */
  created_key: string;
}

/** What the caller may do on the case, for canEdit and the allowed steps. */
export function rightsOn(context: RequestContext, caseRow: CaseRow): TransitionRights {
  const on = subject('Case', caseSubject(caseRow));
  return {
    drafts: context.ability.can('draft', on),
    approves: context.ability.can('approve', on),
    actorId: context.actor?.id,
  };
}

/** The caller's rights on this document, the four-eyes rules included (who drafted, submitted). */
export function rightsOnDocument(rights: TransitionRights, row: DocumentRow): TransitionRights {
  return {
    ...rights,
    parties: { kind: row.kind, createdBy: row.created_by, submittedBy: row.submitted_by },
  };
}

export function presentDocument(row: DocumentRow, caseRights: TransitionRights): DocumentResponse {
  const rights = rightsOnDocument(caseRights, row);
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    revisionOf: row.revision_of,
    revisionId: row.revision_id,
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    transmittedTo: row.transmitted_to,
    transmittedAt: row.transmitted_at?.toISOString() ?? null,
    transmittedSha256: row.transmitted_sha256,
    canEdit: rights.drafts && isEditableStatus(row.status),
    allowedTransitions: availableTransitions(row.status, rights),
    needsAnotherAdviser: fourEyesBlocks(row.status, rights),
  };
}

/** Columns for a version, over `document_versions v`. */
export const VERSION_SUMMARY_COLUMNS = `v.id, v.document_id, v.number, v.reason, v.status, v.sha256,
  v.created_by, creator.display_name AS created_by_name, v.created_at`;

/** FROM clause matching the version columns. */
export const VERSION_FROM = 'document_versions v JOIN users creator ON creator.id = v.created_by';

/** A version row (text and html only when selected). */
export interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  reason: VersionReason;
  status: DocumentStatus;
  sha256: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  text?: string;
  html?: string;
}

export function presentVersionSummary(row: VersionRow): DocumentVersionSummary {
  return {
    id: row.id,
    number: row.number,
    reason: row.reason,
    status: row.status,
    sha256: row.sha256,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

export function presentVersion(row: VersionRow): DocumentVersionResponse {
  return { ...presentVersionSummary(row), text: row.text ?? '', html: row.html ?? '' };
}

interface UpdateRow {
  seq: string;
  update: Buffer;
}

/**
 * Stores a batch of updates ($2 bytea[], $3 uuid[] of authors) of document $1 in one statement,
 * only while it is drafting or in review (read under a share lock). Shared with the benchmark.
 */
/**
 * Appends updates in one statement, each only if its author drafts on the document's case at
 * this moment (DRAFTER_SQL: the same rule as the `draft` ability) and the document may change:
 * access withdrawn a millisecond ago refuses the next keystroke, not the one after the notice.
 */
export const APPEND_UPDATES_SQL = `INSERT INTO document_updates (document_id, update, user_id)
  SELECT $1, x.update, x.user_id FROM unnest($2::bytea[], $3::uuid[]) AS x(update, user_id)
  WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = $1
    AND d.status IN ('drafting', 'in_review') FOR SHARE)
    AND x.user_id IN (SELECT u.id FROM documents dd JOIN cases c ON c.id = dd.case_id
      JOIN users u ON u.id = ANY($3::uuid[]) WHERE dd.id = $1 AND ${DRAFTER_SQL})
  RETURNING seq, user_id`;

/** Why an update was not stored. */
export type AppendRefusal = 'not_editable' | 'no_such_document' | 'not_a_drafter' | 'out_of_bounds';

/**
 * The durable Yjs state of documents: a compacted state plus the updates appended since. Loading
 * applies every update still present (applying one twice changes nothing), so a compaction that
 * runs while updates are being appended can never hide one.
 */
@Injectable()
export class DocumentStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The whole document as one Yjs update (state ⊕ every stored update). */
  async loadState(
    documentId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Uint8Array> {
    // One statement, so one snapshot: read in two, a compaction committing in between could fold
    // rows into a state already read and delete them before they are read (content missing).
    const rows = await queryRows<{ update: Buffer }>(
      manager,
      `SELECT update FROM (
         SELECT 0 AS part, 0::bigint AS seq, state AS update FROM documents WHERE id = $1
         UNION ALL
         SELECT 1, seq, update FROM document_updates WHERE document_id = $1
       ) AS stored ORDER BY part, seq`,
      [documentId],
    );
    if (rows.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
    return Y.mergeUpdates(rows.map((r) => new Uint8Array(r.update)));
  }

  /** A Y.Doc holding the document as stored now. */
  async loadDoc(documentId: string, manager?: EntityManager): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.loadState(documentId, manager));
    return doc;
  }

  /**
   * Appends one update (see appendMany) once it is checked against the document as stored
   * (checkUpdateBounds): what seeds, tests and tools write is held to the socket's limits.
   */
  async append(
    documentId: string,
    update: Uint8Array,
    userId: string,
  ): Promise<{ seq: string } | { refused: AppendRefusal; error?: string }> {
    const doc = await this.loadDoc(documentId);
    const refusal = checkUpdateBounds(doc, update, this.config, { documentId, userId });
    doc.destroy();
    if (refusal) return { refused: 'out_of_bounds', error: refusal.error };
    const stored = await this.appendMany(documentId, [{ update, userId }]);
    if ('refused' in stored) return stored;
    if (stored.refusedUserIds.length > 0) return { refused: 'not_a_drafter' };
    return { seq: stored.seqs[0] ?? '0' };
  }

  /**
   * Appends updates in one statement (one round trip), only while the document may change: the
   * status is read under a share lock, so a status change (which takes the row's update lock)
   * either sees these updates in the text it freezes or makes this append store nothing. The
   * caller has checked each update against the document (the socket's DocumentHub does so
   * against its live copy; `append` against the stored one).
   */
  async appendMany(
    documentId: string,
    updates: readonly { update: Uint8Array; userId: string }[],
  ): Promise<{ seqs: string[]; refusedUserIds: string[] } | { refused: AppendRefusal }> {
    const rows = (await this.db.query(APPEND_UPDATES_SQL, [
      documentId,
      updates.map((u) => Buffer.from(u.update)),
      updates.map((u) => u.userId),
    ])) as { seq: string; user_id: string }[];
    const stored = new Set(rows.map((r) => r.user_id));
    const refusedUserIds = [...new Set(updates.map((u) => u.userId))].filter(
      (id) => !stored.has(id),
    );
    if (rows.length === 0 && updates.length > 0) {
      const [doc] = (await this.db.query(
        `SELECT status IN ('drafting', 'in_review') AS editable FROM documents WHERE id = $1`,
        [documentId],
      )) as { editable: boolean }[];
      if (!doc) return { refused: 'no_such_document' };
      if (!doc.editable) return { refused: 'not_editable' };
    }
    return { seqs: rows.map((r) => r.seq), refusedUserIds };
  }

  /**
   * Folds a document's stored updates into its state and deletes exactly the rows it folded;
   * updates appended meanwhile stay for the next run. Returns how many were folded.
   */
  async compact(documentId: string): Promise<number> {
    return this.db.transaction(async (m) => {
      const [doc] = await queryRows<{ state: Buffer }>(
        m,
        'SELECT state FROM documents WHERE id = $1 FOR UPDATE',
        [documentId],
      );
      if (!doc) return 0;
      const updates = await queryRows<UpdateRow>(
        m,
        'SELECT seq, update FROM document_updates WHERE document_id = $1 ORDER BY seq',
        [documentId],
      );
      if (updates.length === 0) return 0;
      const merged = Y.mergeUpdates([
        new Uint8Array(doc.state),
        ...updates.map((u) => new Uint8Array(u.update)),
      ]);
      await m.query('UPDATE documents SET state = $2 WHERE id = $1', [
        documentId,
        Buffer.from(merged),
      ]);
      await m.query('DELETE FROM document_updates WHERE seq = ANY($1::bigint[])', [
        updates.map((u) => u.seq),
      ]);
      return updates.length;
    });
  }
}

/** True when `bytes` decodes as a Yjs update (structure only; it is not applied). */
export function isYjsUpdate(bytes: Uint8Array): boolean {
  try {
    Y.decodeUpdate(bytes);
    return true;
  } catch {
    return false;
  }
}
