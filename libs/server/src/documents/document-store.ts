import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DRAFTER_SQL } from '../authorization/case-readers-sql.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { queryRows } from '../database/named-query.js';
import { checkUpdateBounds } from './document-bounds.js';

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
