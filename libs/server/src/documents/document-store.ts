import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentStatus } from '@vigil/domain';
import type { DataSource, EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { queryRows } from '../database/named-query.js';

interface UpdateRow {
  seq: string;
  update: Buffer;
}

/** Why an update was not stored. */
export type AppendRefusal = 'not_editable' | 'no_such_document';

/**
 * The durable Yjs state of documents: a compacted state plus the updates appended since. Loading
 * applies every update still present (applying one twice changes nothing), so a compaction that
 * runs while updates are being appended can never hide one.
 */
@Injectable()
export class DocumentStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The whole document as one Yjs update (state ⊕ every stored update). */
  async loadState(
    documentId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Uint8Array> {
    const [doc] = await queryRows<{ state: Buffer }>(
      manager,
      'SELECT state FROM documents WHERE id = $1',
      [documentId],
    );
    if (!doc) return Y.encodeStateAsUpdate(new Y.Doc());
    const updates = await queryRows<UpdateRow>(
      manager,
      'SELECT seq, update FROM document_updates WHERE document_id = $1 ORDER BY seq',
      [documentId],
    );
    return Y.mergeUpdates([
      new Uint8Array(doc.state),
      ...updates.map((u) => new Uint8Array(u.update)),
    ]);
  }

  /** A Y.Doc holding the document as stored now. */
  async loadDoc(documentId: string, manager?: EntityManager): Promise<Y.Doc> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await this.loadState(documentId, manager));
    return doc;
  }

  /**
   * Appends an update, only while the document may change: the status is read under a share lock,
   * so a transmission (which takes the row's update lock) either sees this update in the text it
   * freezes or makes this append refuse.
   */
  async append(
    documentId: string,
    update: Uint8Array,
    userId: string,
  ): Promise<{ seq: string } | { refused: AppendRefusal }> {
    return this.db.transaction(async (m) => {
      const [doc] = await queryRows<{ status: DocumentStatus }>(
        m,
        'SELECT status FROM documents WHERE id = $1 FOR SHARE',
        [documentId],
      );
      if (!doc) return { refused: 'no_such_document' as const };
      if (doc.status !== 'drafting' && doc.status !== 'in_review') {
        return { refused: 'not_editable' as const };
      }
      const [row] = await queryRows<{ seq: string }>(
        m,
        'INSERT INTO document_updates (document_id, update, user_id) VALUES ($1, $2, $3) RETURNING seq',
        [documentId, Buffer.from(update), userId],
      );
      // No write to the documents row here: upgrading the share lock would deadlock two editors.
      return { seq: row?.seq ?? '0' };
    });
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
