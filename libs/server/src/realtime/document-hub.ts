import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SocketAck } from '@vigil/domain';
import * as encoding from 'lib0/encoding';
import type { Socket } from 'socket.io';
import type { DataSource } from 'typeorm';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Actor } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { documentAccess } from '../documents/document-access.js';
import { checkUpdateBounds } from '../documents/document-bounds.js';
import { DocumentStore, isYjsUpdate } from '../documents/document.store.js';
import type { VigilServer } from './socket-types.js';
import { stampAwareness } from './awareness-stamp.js';
import { caseDocumentIds } from './case-documents.store.js';
import { DocumentPeers } from './document-peers.js';
import { DocumentTraffic } from './document-traffic.js';
import { DocumentWriter, type Membership, type WritableDocument } from './document-writer.js';
import {
  documentRequest,
  documentRoom,
  messageRequest,
  readSyncMessage,
  wire,
} from './document-wire.js';

/** A document open in this process: its Yjs state and who is connected to it. */
interface LiveDocument extends WritableDocument {
  idleTimer: NodeJS.Timeout | null;
  /** Which socket speaks for each awareness client id (nobody claims another's). */
  owners: Map<number, string>;
}

const NO_SUCH_DOCUMENT = 'No such document.';

/**
 * Collaborative drafting over Socket.IO with the standard y-protocols messages
 * (docs/architecture.md §10). An update is validated, appended to document_updates, and only then
 * applied to the in-memory document and sent to the other editors; read-only editors' updates are
 * dropped. A document nobody has open is unloaded after DOC_IDLE_UNLOAD_MS.
 *
 * Several instances: each sends what it stored to its own editors and tells the others
 * (`doc:stored`), which apply it to their copy and send it to theirs; a periodic comparison with
 * the stored state covers a lost notice. Awareness travels the same way.
 */
@Injectable()
export class DocumentHub implements OnModuleDestroy {
  private readonly logger = new Logger('DocumentHub');
  private readonly open = new Map<string, Promise<LiveDocument>>();
  private readonly memberships = new WeakMap<Socket, Map<string, Membership>>();
  private peers: DocumentPeers | null = null;
  private readonly writer: DocumentWriter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocumentStore,
    private readonly traffic: DocumentTraffic,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.writer = new DocumentWriter(store, () => this.peers);
  }

  /** Joins the other instances of the group through the gateway's server. */
  attach(io: VigilServer): void {
    this.peers = new DocumentPeers(io, this.store, this.open);
    this.peers.start();
  }

  /**
   * The process is stopping: let the writes in progress finish (for up to 5 s), then free every
   * document, editors or not (a Yjs awareness holds an interval that would keep the process alive).
   */
  async onModuleDestroy(): Promise<void> {
    this.peers?.stop();
    this.peers = null;
    const until = Date.now() + 5000;
    await Promise.all(
      [...this.open].map(async ([documentId, pending]) => {
        const live = await pending.catch(() => null);
        if (!live) return;
        while ((live.writing > 0 || live.queue.length > 0) && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 20));
        }
        live.sockets.clear();
        live.queue.splice(0);
        live.writing = 0;
        this.unload(documentId, live);
      }),
    );
  }

  /**
   * Opens a document to a socket. `currentActor` is asked twice: before loading, and again once
   * the socket is in the document's room, so an access change committed meanwhile is either seen
   * by the second check or re-checks the socket in the room; nothing is sent before that.
   */
  async join(
    socket: Socket,
    currentActor: () => Promise<Actor | null>,
    request: unknown,
  ): Promise<SocketAck<{ readOnly: boolean }>> {
    const parsed = documentRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { documentId }.' };
    const { documentId } = parsed.data;
    const actor = await currentActor();
    const first = actor ? await documentAccess(this.db.manager, actor, documentId) : null;
    if (!first) return { ok: false, error: NO_SUCH_DOCUMENT };
    const live = await this.load(documentId);
    if (live.idleTimer) clearTimeout(live.idleTimer);
    live.idleTimer = null;
    live.sockets.add(socket.id);
    const membership = { readOnly: !first.editable, clientIds: new Set<number>() };
    this.membershipsOf(socket).set(documentId, membership);
    await socket.join(documentRoom(documentId));
    const again = await currentActor();
    const access = again ? await documentAccess(this.db.manager, again, documentId) : null;
    if (!access) {
      await this.leaveDocument(socket, documentId);
      return { ok: false, error: NO_SUCH_DOCUMENT };
    }
    membership.readOnly = !access.editable;
    // Step 1 from the server: the client answers with what the server lacks (offline edits).
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, live.doc);
    socket.emit('doc:sync', { documentId, message: wire(encoding.toUint8Array(step1)) });
    const states = [...live.awareness.getStates().keys()];
    if (states.length) {
      const message = awarenessProtocol.encodeAwarenessUpdate(live.awareness, states);
      socket.emit('doc:awareness', { documentId, message: wire(message) });
    }
    return { ok: true, readOnly: !access.editable };
  }

  async sync(socket: Socket, userId: string, request: unknown): Promise<SocketAck> {
    const parsed = messageRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { documentId, message: bytes }.' };
    const { documentId, message } = parsed.data;
    const membership = this.membershipsOf(socket).get(documentId);
    const live = membership ? await this.open.get(documentId) : undefined;
    if (!membership || !live) return { ok: false, error: 'Join the document first.' };
    if (message.byteLength > this.config.DOC_UPDATE_MAX_BYTES) {
      this.logger.warn({ msg: 'oversize document message refused', documentId, userId });
      return { ok: false, error: 'This change is too large.' };
    }
    const refused = await this.traffic.admitSync(
      { userId, socketId: socket.id },
      message.byteLength,
    );
    if (refused) return { ok: false, error: refused };
    const read = readSyncMessage(message);
    if (!read) return this.malformed(documentId, userId);
    const { type, payload } = read;
    if (type === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, syncProtocol.messageYjsSyncStep2);
      try {
        encoding.writeVarUint8Array(reply, Y.encodeStateAsUpdate(live.doc, payload));
      } catch {
        return this.malformed(documentId, userId);
      }
      socket.emit('doc:sync', { documentId, message: wire(encoding.toUint8Array(reply)) });
      return { ok: true };
    }
    if (type !== syncProtocol.messageYjsSyncStep2 && type !== syncProtocol.messageYjsUpdate) {
      return this.malformed(documentId, userId);
    }
    if (!isYjsUpdate(payload)) return this.malformed(documentId, userId);
    if (membership.readOnly) {
      this.logger.warn({ msg: 'update from a read-only editor dropped', documentId, userId });
      return { ok: false, error: 'You may read this document but not change it.' };
    }
    // Documents within bounds (issue 15): refused here is neither stored nor sent to anyone.
    const outOfBounds = checkUpdateBounds(live.doc, payload, this.config, { documentId, userId });
    if (outOfBounds) return outOfBounds;
    return this.writer.enqueue(documentId, live, { socket, membership, update: payload, userId });
  }

  async awareness(socket: Socket, request: unknown): Promise<SocketAck> {
    const parsed = messageRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { documentId, message: bytes }.' };
    const { documentId, message } = parsed.data;
    const membership = this.membershipsOf(socket).get(documentId);
    const live = membership ? await this.open.get(documentId) : undefined;
    if (!membership || !live) return { ok: false, error: 'Join the document first.' };
    if (message.byteLength > 16 * 1024) return { ok: false, error: 'This message is too large.' };
    const refused = await this.traffic.admitAwareness({
      userId: String(socket.data.userId),
      socketId: socket.id,
    });
    if (refused) return { ok: false, error: refused };
    // Stamped with who really sent it: no one appears as, or clears, another editor.
    const stamped = stampAwareness(message, {
      userId: String(socket.data.userId),
      displayName: String(socket.data.displayName),
      readOnly: membership.readOnly,
      mayUse: (clientId) => (live.owners.get(clientId) ?? socket.id) === socket.id,
    });
    if (!stamped) return { ok: false, error: 'That awareness message could not be read.' };
    try {
      awarenessProtocol.applyAwarenessUpdate(live.awareness, stamped.update, socket.id);
    } catch {
      return { ok: false, error: 'That awareness message could not be read.' };
    }
    // Only ids the document now knows (y-protocols ignores a first state at clock 0): removing
    // an unknown one later would throw.
    for (const clientId of stamped.clientIds) {
      if (!live.awareness.meta.has(clientId)) continue;
      membership.clientIds.add(clientId);
      live.owners.set(clientId, socket.id);
    }
    this.broadcastAwareness(socket, documentId, stamped.update);
    return { ok: true };
  }

  async leave(socket: Socket, request: unknown): Promise<SocketAck> {
    const parsed = documentRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { documentId }.' };
    await this.leaveDocument(socket, parsed.data.documentId);
    return { ok: true };
  }

  /** On disconnect: leave every document this socket had open. */
  async leaveAll(socket: Socket): Promise<void> {
    for (const documentId of [...this.membershipsOf(socket).keys()]) {
      await this.leaveDocument(socket, documentId);
    }
  }

  /** Stops serving `documentId` to this socket; used too when its access is withdrawn. */
  async leaveDocument(socket: Socket, documentId: string): Promise<void> {
    const memberships = this.membershipsOf(socket);
    const membership = memberships.get(documentId);
    memberships.delete(documentId);
    await socket.leave(documentRoom(documentId));
    const live = await this.open.get(documentId);
    if (!membership || !live) return;
    live.sockets.delete(socket.id);
    for (const clientId of membership.clientIds) live.owners.delete(clientId);
    const ids = [...membership.clientIds].filter((id) => live.awareness.meta.has(id));
    if (ids.length) {
      awarenessProtocol.removeAwarenessStates(live.awareness, ids, 'left');
      const message = awarenessProtocol.encodeAwarenessUpdate(live.awareness, ids);
      this.broadcastAwareness(socket, documentId, message);
    }
    if (live.sockets.size === 0) {
      live.idleTimer = setTimeout(
        () => this.unload(documentId, live),
        this.config.DOC_IDLE_UNLOAD_MS,
      );
      live.idleTimer.unref();
    }
  }

  /**
   * After an access change: leaves the documents this socket may no longer read and makes
   * read-only those it may no longer edit, telling the socket either way.
   */
  async recheck(socket: Socket, actor: Actor): Promise<void> {
    for (const [documentId, membership] of [...this.membershipsOf(socket)]) {
      const access = await documentAccess(this.db.manager, actor, documentId);
      if (!access) {
        await this.leaveDocument(socket, documentId);
        socket.emit('doc:removed', { documentId });
      } else if (membership.readOnly !== !access.editable) {
        membership.readOnly = !access.editable;
        socket.emit('doc:access', { documentId, readOnly: membership.readOnly });
      }
    }
  }

  /** The rooms of a case's documents (whoever is in them may be affected by a case change). */
  async roomsOfCase(caseId: string): Promise<string[]> {
    return (await caseDocumentIds(this.db, caseId)).map((id) => documentRoom(id));
  }

  /** To this instance's other editors of the document, and to the other instances. */
  private broadcastAwareness(socket: Socket, documentId: string, message: Uint8Array): void {
    socket.local.to(documentRoom(documentId)).emit('doc:awareness', {
      documentId,
      message: wire(message),
    });
    this.peers?.announceAwareness(documentId, message);
  }

  /** Documents held in memory now (for tests and the benchmark). */
  loadedCount(): number {
    return this.open.size;
  }

  private load(documentId: string): Promise<LiveDocument> {
    let live = this.open.get(documentId);
    if (!live) {
      live = this.store.loadDoc(documentId).then((doc) => {
        const awareness = new awarenessProtocol.Awareness(doc);
        awareness.setLocalState(null); // the server is not an editor
        return {
          doc,
          awareness,
          sockets: new Set<string>(),
          owners: new Map<number, string>(),
          idleTimer: null,
          queue: [],
          writing: 0,
        };
      });
      live.catch(() => this.open.delete(documentId));
      this.open.set(documentId, live);
    }
    return live;
  }

  private unload(documentId: string, live: LiveDocument): void {
    if (live.sockets.size > 0) return;
    if (live.writing > 0 || live.queue.length > 0) {
      // Still storing what its last editor sent: look again shortly.
      live.idleTimer = setTimeout(() => this.unload(documentId, live), 100);
      live.idleTimer.unref();
      return;
    }
    if (live.idleTimer) clearTimeout(live.idleTimer);
    live.awareness.destroy();
    live.doc.destroy();
    this.open.delete(documentId);
  }

  private membershipsOf(socket: Socket): Map<string, Membership> {
    let map = this.memberships.get(socket);
    if (!map) {
      map = new Map();
      this.memberships.set(socket, map);
    }
    return map;
  }

  private malformed(documentId: string, userId: string): SocketAck {
    this.logger.warn({ msg: 'malformed document message refused', documentId, userId });
    return { ok: false, error: 'That message is not a valid Yjs sync message.' };
  }
}
