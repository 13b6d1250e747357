import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { isFinalDocumentRefusal, type SocketBytes } from '@vigil/domain';
import type { RealtimeSocket } from './realtime.js';

/** Where a shared document stands, for a connection indicator. */
export interface DocumentSyncState {
  /** Joined on the server (false while connecting or reconnecting). */
  joined: boolean;
  /** The server's state has been received since the last (re)join. */
  synced: boolean;
  /** The server will drop this person's edits. */
  readOnly: boolean;
  /** Local changes not yet confirmed stored by the server (sent or waiting for a connection). */
  pending: number;
  /** The server's last refusal (e.g. "This document can no longer be edited."), or null. */
  error: string | null;
  /**
   * The server withdrew this person's access (`doc:removed`): nothing is sent or received any
   * more, and the text should no longer be shown.
   */
  removed: boolean;
}

/** Why the text became read-only when the server took the right to edit away (`doc:access`). */
export const EDIT_RIGHT_WITHDRAWN =
  'Your right to edit this document was withdrawn while you had it open: you may read it but no longer change it.';

type Listener = (state: DocumentSyncState) => void;

/**
 * Refusals that will not change by trying again: the edit is not kept (with the structural ones
 * of issue 15, `isFinalDocumentRefusal`: another shared type, the schema, nesting, size).
 */
const REFUSALS = new Set([
  'This document can no longer be edited.',
  'You may read this document but not change it.',
  'You may no longer change this document.',
  'This change is too large.',
]);

/** Seconds to wait that a refusal names ("… Try again in 7 seconds."), or null. */
function retryAfterSeconds(error: string): number | null {
  const match = /Try again in (\d+) seconds?/.exec(error);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * A Yjs provider over the Vigil socket (docs/architecture.md §10): y-protocols sync and awareness
 * messages on `doc:sync` / `doc:awareness`. Each local update is sent with an acknowledgement,
 * which the server gives once the update is stored; while offline, changes wait in the Y.Doc and
 * the sync exchange at the next (re)join sends whatever the server lacks, so no edit is lost across
 * a reconnect.
 */
export class DocumentProvider {
  readonly awareness: awarenessProtocol.Awareness;
  private state: DocumentSyncState = {
    joined: false,
    synced: false,
    readOnly: true,
    pending: 0,
    error: null,
    removed: false,
  };
  private inFlight = 0;
  /** Increases at each disconnect: answers to messages sent before it are ignored. */
  private generation = 0;
  private offlineChanges = 0;
  private readonly listeners = new Set<Listener>();
  private destroyed = false;

  constructor(
    private readonly socket: RealtimeSocket,
    readonly documentId: string,
    readonly doc: Y.Doc = new Y.Doc(),
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('doc:sync', this.onSync);
    socket.on('doc:awareness', this.onRemoteAwareness);
    socket.on('doc:removed', this.onRemoved);
    socket.on('doc:access', this.onAccess);
    if (socket.connected) this.onConnect();
  }

  get current(): DocumentSyncState {
    return this.state;
  }

  /** Calls `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the server's state has been received (after the current join). */
  whenSynced(): Promise<void> {
    if (this.state.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe((s) => {
        if (s.synced) {
          queueMicrotask(() => stop());
          resolve();
        }
      });
    });
  }

  /** Resolves once every local change has been stored by the server. */
  whenSaved(): Promise<void> {
    if (this.state.pending === 0 && this.state.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const stop = this.subscribe((s) => {
        if (s.pending === 0 && s.synced) {
          queueMicrotask(() => stop());
          resolve();
        }
      });
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('doc:sync', this.onSync);
    this.socket.off('doc:awareness', this.onRemoteAwareness);
    this.socket.off('doc:removed', this.onRemoved);
    this.socket.off('doc:access', this.onAccess);
    if (this.socket.connected && !this.state.removed) {
      this.socket.emit('doc:leave', { documentId: this.documentId }, () => undefined);
    }
    this.awareness.destroy();
    this.listeners.clear();
  }

  private readonly onConnect = (): void => {
    if (this.state.removed) return;
    this.socket.emit('doc:join', { documentId: this.documentId }, (answer) => {
      if (this.destroyed || this.state.removed) return;
      if (!answer.ok) {
        this.set({ joined: false, error: answer.error });
        return;
      }
      this.set({ joined: true, readOnly: answer.readOnly, error: null });
      const step1 = encoding.createEncoder();
      syncProtocol.writeSyncStep1(step1, this.doc);
      this.send(encoding.toUint8Array(step1), false);
      if (this.awareness.getLocalState() !== null) {
        this.sendAwareness([this.doc.clientID]);
      }
    });
  };

  private readonly onDisconnect = (): void => {
    // What was in flight and not acknowledged goes again with the next sync exchange.
    this.offlineChanges += this.inFlight;
    this.inFlight = 0;
    this.generation += 1;
    this.set({ joined: false, synced: false });
  };

  private readonly onSync = (message: { documentId: string; message: SocketBytes }): void => {
    if (message.documentId !== this.documentId || this.destroyed || this.state.removed) return;
    const decoder = decoding.createDecoder(new Uint8Array(message.message));
    const reply = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    if (type === syncProtocol.messageYjsSyncStep1 && encoding.length(reply) > 0) {
      // The server's step 1: answer with everything it lacks, offline changes included.
      const carried = this.offlineChanges;
      this.offlineChanges = 0;
      this.send(encoding.toUint8Array(reply), !this.state.readOnly, carried);
    }
    if (type === syncProtocol.messageYjsSyncStep2 && !this.state.synced) {
      this.set({ synced: true });
    }
  };

  private readonly onRemoteAwareness = (message: {
    documentId: string;
    message: SocketBytes;
  }): void => {
    if (message.documentId !== this.documentId || this.destroyed || this.state.removed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(message.message), this);
  };

  /** Access withdrawn: stop at once, for good (a reconnection does not join again). */
  private readonly onRemoved = (notice: { documentId: string }): void => {
    if (notice.documentId !== this.documentId || this.destroyed || this.state.removed) return;
    this.inFlight = 0;
    this.offlineChanges = 0;
    this.generation += 1;
    awarenessProtocol.removeAwarenessStates(
      this.awareness,
      [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID),
      this,
    );
    this.set({ removed: true, joined: false, readOnly: true });
  };

  /** The right to edit changed: the server refuses updates from now (or accepts them again). */
  private readonly onAccess = (notice: { documentId: string; readOnly: boolean }): void => {
    if (notice.documentId !== this.documentId || this.destroyed || this.state.removed) return;
    if (notice.readOnly) this.set({ readOnly: true, error: EDIT_RIGHT_WITHDRAWN });
    else this.set({ readOnly: false, error: null });
  };

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this || this.state.readOnly || this.state.removed) return;
    if (!this.state.joined) {
      this.offlineChanges += 1;
      this.refreshPending();
      return;
    }
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, update);
    this.send(encoding.toUint8Array(encoder), true);
  };

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.state.joined || this.state.removed) return;
    this.sendAwareness([...changes.added, ...changes.updated, ...changes.removed]);
  };

  private sendAwareness(clients: number[]): void {
    const message = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
    this.socket.emit('doc:awareness', {
      documentId: this.documentId,
      message: asArrayBuffer(message),
    });
  }

  /** Sends a sync message; a counted one stays pending until the server confirms it stored it. */
  private send(message: Uint8Array, counted: boolean, carries = 0): void {
    if (this.state.removed) return;
    if (counted) this.inFlight += 1 + carries;
    this.refreshPending();
    const generation = this.generation;
    const bytes = asArrayBuffer(message);
    this.socket.emit('doc:sync', { documentId: this.documentId, message: bytes }, (answer) => {
      if (this.destroyed || !counted || this.state.removed) return;
      // A disconnect in between already moved this message to offlineChanges.
      if (generation !== this.generation) return;
      this.inFlight = Math.max(0, this.inFlight - 1 - carries);
      if (answer.ok) {
        this.set({ error: null });
      } else if (REFUSALS.has(answer.error) || isFinalDocumentRefusal(answer.error)) {
        this.set({ error: answer.error, readOnly: true });
      } else {
        // Not stored (a passing server error, or too many changes at once): join again, and
        // the sync exchange resends it — after the wait the server named, if it named one.
        this.offlineChanges += 1 + carries;
        this.set({ error: answer.error });
        const wait = retryAfterSeconds(answer.error);
        setTimeout(
          () => {
            if (!this.destroyed && this.socket.connected) this.onConnect();
          },
          wait === null ? 500 : wait * 1000,
        );
      }
    });
  }

  private refreshPending(): void {
    this.set({});
  }

  private set(patch: Partial<DocumentSyncState>): void {
    this.state = { ...this.state, ...patch, pending: this.inFlight + this.offlineChanges };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** Exactly these bytes as an ArrayBuffer: the form MessagePack carries as bytes in every runtime. */
function asArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
