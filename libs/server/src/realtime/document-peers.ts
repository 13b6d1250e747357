import { Logger } from '@nestjs/common';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocumentStore } from '../documents/document.store.js';
import { documentRoom, fromBase64, toBase64, wire } from './document-wire.js';
import type { VigilServer } from './socket-types.js';
import type { StoredNotice } from './socket-fan-out.js';

/** What another instance's news touches of a document open here. */
export interface LiveCopy {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  sockets: Set<string>;
}

/**
 * Updates up to this size travel to the other instances inline (base64 in one NOTIFY); a larger
 * one is read back from the database by each instance that has the document open.
 */
const INLINE_UPDATE_BYTES = 4096;
/**
 * How often the group's size is read and every open document compared with what is stored: an
 * update whose notice was lost (a listener reconnecting) reaches the editors within this delay.
 */
const RECONCILE_MS = 5000;

/**
 * Keeps the documents open on this instance consistent with those on the other instances of the
 * group: announces what this one stored, applies what the others stored (and forwards it to this
 * instance's editors), and compares with the database every RECONCILE_MS. Alone in its group, an
 * instance neither announces nor compares; a newcomer is noticed within RECONCILE_MS, and its own
 * comparison covers what it missed meanwhile.
 */
export class DocumentPeers {
  private readonly logger = new Logger('DocumentPeers');
  private timer: NodeJS.Timeout | null = null;
  private hasPeers = false;

  constructor(
    private readonly io: VigilServer,
    private readonly store: DocumentStore,
    private readonly open: ReadonlyMap<string, Promise<LiveCopy>>,
  ) {}

  start(): void {
    this.io.on('doc:stored', (notice) => {
      this.applyStored(notice).catch((error: unknown) =>
        this.logger.error({ msg: 'stored notice not applied', err: error }),
      );
    });
    this.io.on('doc:awareness', ({ documentId, message }) => {
      void this.open
        .get(documentId)
        ?.then((live) => {
          const bytes = fromBase64(message);
          awarenessProtocol.applyAwarenessUpdate(live.awareness, bytes, 'remote');
          this.io.local
            .to(documentRoom(documentId))
            .emit('doc:awareness', { documentId, message: wire(bytes) });
        })
        .catch(() => undefined);
    });
    const tick = async () => {
      this.hasPeers = (await this.io.of('/').adapter.serverCount()) > 1;
      if (this.hasPeers) await this.reconcileOpen();
    };
    void tick().catch(() => undefined);
    this.timer = setInterval(() => {
      void tick().catch((error: unknown) =>
        this.logger.error({ msg: 'documents not reconciled', err: error }),
      );
    }, RECONCILE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Tells the other instances that this one stored `merged` (rows `seqs`) of a document. */
  announceStored(documentId: string, merged: Uint8Array, seqs: string[]): void {
    if (!this.hasPeers) return;
    this.io.serverSideEmit(
      'doc:stored',
      merged.byteLength <= INLINE_UPDATE_BYTES
        ? { documentId, update: toBase64(merged) }
        : { documentId, seqs },
    );
  }

  announceAwareness(documentId: string, message: Uint8Array): void {
    if (this.hasPeers)
      this.io.serverSideEmit('doc:awareness', { documentId, message: toBase64(message) });
  }

  /** Another instance stored updates of a document: apply them here if it is open. */
  private async applyStored(notice: StoredNotice): Promise<void> {
    const live = await this.open.get(notice.documentId);
    if (!live) return; // not open here: whoever opens it reads it from the database
    if ('update' in notice)
      this.applyAndForward(notice.documentId, live, fromBase64(notice.update));
    else await this.reconcile(notice.documentId, live);
  }

  /** Compares every document open here with what is stored and applies what is missing. */
  private async reconcileOpen(): Promise<void> {
    for (const [documentId, pending] of this.open) {
      const live = await pending;
      if (live.sockets.size > 0) await this.reconcile(documentId, live);
    }
  }

  private async reconcile(documentId: string, live: LiveCopy): Promise<void> {
    const stored = await this.store.loadState(documentId);
    this.applyAndForward(documentId, live, Y.diffUpdate(stored, Y.encodeStateVector(live.doc)));
  }

  /** Applies an update to this instance's copy and sends this instance's editors what changed. */
  private applyAndForward(documentId: string, live: LiveCopy, update: Uint8Array): void {
    let changed: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      changed = u;
    };
    live.doc.on('update', capture);
    try {
      Y.applyUpdate(live.doc, update, 'remote');
    } finally {
      live.doc.off('update', capture);
    }
    if (!changed) return;
    const message = encoding.createEncoder();
    syncProtocol.writeUpdate(message, changed);
    this.io.local
      .to(documentRoom(documentId))
      .emit('doc:sync', { documentId, message: wire(encoding.toUint8Array(message)) });
  }
}
