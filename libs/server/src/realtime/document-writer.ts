import { Logger } from '@nestjs/common';
import type { SocketAck } from '@vigil/domain';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentStore } from '../documents/document.store.js';
import type { DocumentPeers, LiveCopy } from './document-peers.js';
import { documentRoom, wire } from './document-wire.js';

/** What this process knows of one socket's membership of one document. */
export interface Membership {
  readOnly: boolean;
  /** Awareness client ids this socket announced, removed when it leaves. */
  clientIds: Set<number>;
}

/** An accepted update waiting to be stored, and how to answer its sender. */
export interface Pending {
  socket: Socket;
  membership: Membership;
  update: Uint8Array;
  userId: string;
  done: (answer: SocketAck) => void;
}

/** A live document as the writer needs it: its copy, and its queue of updates to store. */
export interface WritableDocument extends LiveCopy {
  /** Updates waiting for the next write, and how many writes are in progress. */
  queue: Pending[];
  writing: number;
}

/**
 * Writes of one document's updates in flight at once. One: what arrives meanwhile batches into
 * the next write (three in flight measured slower: more round trips, more CPU).
 */
const WRITES_PER_DOCUMENT = 1;

/**
 * Stores accepted updates and only then sends them on: appended to document_updates (each
 * author's right to draft checked in the same statement), then to this instance's editors, the
 * other instances, and the server's own copy.
 */
export class DocumentWriter {
  private readonly logger = new Logger('DocumentWriter');

  constructor(
    private readonly store: DocumentStore,
    private readonly peers: () => DocumentPeers | null,
  ) {}

  /**
   * Queues an update for the document's next write. One write at a time per document: what
   * arrives meanwhile goes together in the next one (one INSERT, one broadcast of the merged
   * updates), so a busy document costs a round trip per batch, not per keystroke.
   */
  enqueue(documentId: string, live: WritableDocument, pending: Omit<Pending, 'done'>) {
    return new Promise<SocketAck>((done) => {
      live.queue.push({ ...pending, done });
      if (live.writing < WRITES_PER_DOCUMENT) void this.write(documentId, live);
    });
  }

  private async write(documentId: string, live: WritableDocument): Promise<void> {
    live.writing += 1;
    try {
      while (live.queue.length > 0) {
        const batch = live.queue.splice(0);
        let stored: Awaited<ReturnType<DocumentStore['appendMany']>>;
        try {
          stored = await this.store.appendMany(documentId, batch);
        } catch (error) {
          this.logger.error({ msg: 'document updates not stored', documentId, err: error });
          for (const p of batch) p.done({ ok: false, error: 'Something went wrong; try again.' });
          continue;
        }
        if ('refused' in stored) {
          this.logger.warn({ msg: 'updates refused', documentId, reason: stored.refused });
          for (const p of batch) {
            p.membership.readOnly = true;
            p.done({ ok: false, error: 'This document can no longer be edited.' });
          }
          continue;
        }
        // Authors who lost the right to draft a moment ago: refused, read-only from now (the
        // access change that follows takes the document away if they may not even read it).
        const refused = new Set(stored.refusedUserIds);
        for (const p of batch.filter((q) => refused.has(q.userId))) {
          if (!p.membership.readOnly) p.socket.emit('doc:access', { documentId, readOnly: true });
          p.membership.readOnly = true;
          p.done({ ok: false, error: 'You may no longer change this document.' });
        }
        const accepted = refused.size ? batch.filter((q) => !refused.has(q.userId)) : batch;
        if (accepted.length === 0) continue;
        // Durable first; only now does anyone else see them.
        const merged =
          accepted.length === 1
            ? (accepted[0]?.update ?? new Uint8Array())
            : Y.mergeUpdates(accepted.map((p) => p.update));
        const message = encoding.createEncoder();
        syncProtocol.writeUpdate(message, merged);
        const sender = accepted[0]?.socket;
        const room = documentRoom(documentId);
        // Editors already hold their own changes: one sender's batch skips it; a mixed batch goes
        // to everyone (applying an update twice changes nothing). This instance's editors only:
        // the others hear of it through `doc:stored`.
        const senders = new Set(accepted.map((p) => p.socket));
        const target =
          senders.size === 1 && sender ? sender.local.to(room) : sender?.nsp.local.to(room);
        target?.emit('doc:sync', { documentId, message: wire(encoding.toUint8Array(message)) });
        for (const p of accepted) p.done({ ok: true });
        this.peers()?.announceStored(documentId, merged, stored.seqs);
        // The server's copy (for late joiners) after the editors: it is not on their path.
        Y.applyUpdate(live.doc, merged, 'stored');
      }
    } finally {
      live.writing -= 1;
    }
  }
}
