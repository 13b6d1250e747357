import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CaseFeedEvent, LiveNotification, PresentUser, SocketAck } from '@vigil/domain';
import { frameworkTeamView, officeView } from '@vigil/domain';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import msgpackParser from 'socket.io-msgpack-parser';
import { z } from 'zod';
import { AccessTokenService } from '../auth/access-token.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessChange } from '../authorization/access-changes.js';
import { CaseRooms, caseRoom, parseCaseRoom, userRoom, type CaseView } from './case-rooms.js';
import { DocumentHub } from './document-hub.js';
import { SocketAccess } from './socket-access.js';
import { SocketFanOut } from './socket-fan-out.js';
import type { SocketData, VigilServer, VigilSocket } from './socket-types.js';

export type { SocketData, VigilServer } from './socket-types.js';

const caseRequest = z.object({ caseId: z.string().max(64) });
const NO_SUCH_CASE = 'No such case.';

/**
 * The Socket.IO gateway on the api's port (docs/architecture.md §11): the access token is checked
 * in the handshake, a case's room is joined only after the same check as reading the case, and
 * presence is computed from the sockets in a case's rooms (one entry per person) on every
 * instance of the group (SocketFanOut).
 */
@Injectable()
export class RealtimeGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RealtimeGateway');
  private io: VigilServer | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: AccessTokenService,
    private readonly rooms: CaseRooms,
    private readonly documents: DocumentHub,
    private readonly access: SocketAccess,
    private readonly fanOut: SocketFanOut,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    const io: VigilServer = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      // MessagePack: a packet with bytes (Yjs messages) is one frame, not a header plus attachments.
      parser: msgpackParser,
      maxHttpBufferSize: this.config.SOCKET_MAX_MESSAGE_BYTES,
      cors: { origin: this.config.CORS_ORIGINS.length ? this.config.CORS_ORIGINS : false },
      adapter: this.fanOut.adapter(),
    });
    io.use((socket, next) => {
      const token: unknown = socket.handshake.auth['token'];
      this.admit(io, typeof token === 'string' ? token : null)
        .then((data) => {
          socket.data = data;
          next();
        })
        .catch((error: unknown) =>
          next(new Error(error instanceof Error ? error.message : 'Sign in first.')),
        );
    });
    io.on('connection', (socket) => this.onConnection(socket));
    this.documents.attach(io);
    this.io = io;
  }

  async onModuleDestroy(): Promise<void> {
    // Close the sockets but not the HTTP server: Nest closes that itself afterwards.
    const io = this.io;
    this.io = null;
    if (!io) return;
    io.local.disconnectSockets(true);
    io.engine.close();
    await this.fanOut.close(io);
  }

  /**
   * Who may open a socket: a valid access token, and fewer than SOCKETS_PER_USER_MAX sockets of
   * the same person open on the whole group (counted on every instance; two connections racing
   * may both pass, so the cap is exact to within the number of instances).
   */
  private async admit(io: VigilServer, token: string | null): Promise<SocketData> {
    const { actor, sessionId, expiresAt } = await this.tokens.authenticate(token);
    const max = this.config.SOCKETS_PER_USER_MAX;
    const open = await io.in(userRoom(actor.id)).fetchSockets();
    if (open.length >= max) {
      this.logger.warn({
        msg: 'socket refused: too many open',
        userId: actor.id,
        open: open.length,
      });
      throw new Error(
        `Too many open connections (${max}): close Vigil in another tab or device and try again.`,
      );
    }
    return {
      userId: actor.id,
      displayName: actor.displayName,
      sessionId,
      tokenExpiresAt: expiresAt,
    };
  }

  /**
   * Sends a committed case event to each view's room on this instance, as that view may see it
   * (every instance's relay delivers to its own sockets, hence `local`).
   */
  deliverCaseEvent(event: CaseFeedEvent): void {
    if (!this.io) return;
    this.io.local.to(caseRoom(event.caseId, 'office')).emit('case:event', officeView(event));
    const restricted = frameworkTeamView(event);
    if (restricted)
      this.io.local.to(caseRoom(event.caseId, 'framework_team')).emit('case:event', restricted);
  }

  deliverNotification(userId: string, notification: LiveNotification): void {
    this.io?.local.to(userRoom(userId)).emit('notification', notification);
  }

  deliverWithdrawnNotification(userId: string, id: string): void {
    this.io?.local.to(userRoom(userId)).emit('notification:withdrawn', { id });
  }

  /** The sockets this instance holds now, with their rooms (diagnostics and tests). */
  openSockets(): { userId: string; sessionId: string; rooms: string[] }[] {
    if (!this.io) return [];
    return [...this.io.of('/').sockets.values()].map((socket) => ({
      userId: socket.data.userId,
      sessionId: socket.data.sessionId,
      rooms: [...socket.rooms],
    }));
  }

  /** Whether this instance holds a socket of `userId` (else there is nothing to push to). */
  hasSocketsOf(userId: string): boolean {
    return (this.io?.of('/').adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
  }

  /**
   * Checks again every socket of this instance an access change may affect: closes those whose
   * session ended, takes the others out of the rooms and documents they may no longer read.
   */
  async recheck(change: AccessChange): Promise<void> {
    const io = this.io;
    if (!io) return;
    const touched = await this.access.recheck(io, change);
    await Promise.all([...touched].map((caseId) => this.announcePresence(caseId)));
  }

  private onConnection(socket: VigilSocket): void {
    void socket.join(userRoom(socket.data.userId));
    this.access.watch(socket);
    socket.on('auth:renew', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.access.renew(socket, request)),
    );
    socket.on('case:join', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.join(socket, request)),
    );
    socket.on('case:leave', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.leave(socket, request)),
    );
    socket.on('doc:join', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, async () =>
        this.documents.join(socket, () => this.currentActor(socket), request),
      ),
    );
    socket.on('doc:sync', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.documents.sync(socket, socket.data.userId, request)),
    );
    socket.on('doc:awareness', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.documents.awareness(socket, request)),
    );
    socket.on('doc:leave', (request: unknown, ack: unknown) =>
      this.answer(socket, ack, () => this.documents.leave(socket, request)),
    );
    socket.on('disconnect', () => {
      this.access.forget(socket);
      void this.documents.leaveAll(socket).catch(() => undefined);
    });
    socket.on('disconnecting', () => {
      const cases = [...socket.rooms].map(parseCaseRoom).filter((r) => r !== null);
      // The socket is still in its rooms now; announce once it has left them.
      setImmediate(() => {
        for (const { caseId } of cases) void this.announcePresence(caseId).catch(() => undefined);
      });
    });
  }

  private async join(
    socket: VigilSocket,
    request: unknown,
  ): Promise<SocketAck<{ view: CaseView; presence: PresentUser[] }>> {
    const parsed = caseRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { caseId }.' };
    const { caseId } = parsed.data;
    const actor = await this.currentActor(socket);
    const view = actor ? await this.rooms.viewFor(actor, caseId) : null;
    if (!actor || !view) return { ok: false, error: NO_SUCH_CASE };
    await socket.join(caseRoom(caseId, view));
    // Checked again now that the socket is in the room: an access change committed while the
    // first check was in flight is either seen here or re-checks this socket in the room.
    const again = await this.currentActor(socket);
    if (!again || (await this.rooms.viewFor(again, caseId)) !== view) {
      await socket.leave(caseRoom(caseId, view));
      return { ok: false, error: NO_SUCH_CASE };
    }
    const presence = await this.announcePresence(caseId, view);
    return { ok: true, view, presence };
  }

  private async leave(socket: VigilSocket, request: unknown): Promise<SocketAck> {
    const parsed = caseRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { caseId }.' };
    const { caseId } = parsed.data;
    await socket.leave(caseRoom(caseId, 'office'));
    await socket.leave(caseRoom(caseId, 'framework_team'));
    await this.announcePresence(caseId);
    return { ok: true };
  }

  /**
   * Who is viewing the case now, once per person, sent to each of its rooms: the Office sees
   * everyone; the Framework Team sees only the Framework Team (who works a case is not part of
   * its restricted view). Returns the list for `view`.
   */
  private async announcePresence(
    caseId: string,
    view: CaseView = 'office',
  ): Promise<PresentUser[]> {
    const io = this.io;
    if (!io) return [];
    const office = caseRoom(caseId, 'office');
    const restricted = caseRoom(caseId, 'framework_team');
    const sockets = await io.in([office, restricted]).fetchSockets();
    const everyone = presentUsers(sockets);
    const team = presentUsers(sockets.filter((s) => s.rooms.has(restricted)));
    io.to(office).emit('presence', { caseId, users: everyone });
    io.to(restricted).emit('presence', { caseId, users: team });
    return view === 'office' ? everyone : team;
  }

  /** The socket's user as they are now, or null (and the socket closed) when its session ended. */
  private currentActor(socket: VigilSocket) {
    return this.access.currentActor(socket);
  }

  /** Runs a handler and acknowledges its answer; a failure answers an error and is logged. */
  private answer(socket: VigilSocket, ack: unknown, handler: () => Promise<SocketAck>): void {
    const reply =
      typeof ack === 'function' ? (ack as (answer: SocketAck) => void) : () => undefined;
    handler()
      .then(reply)
      .catch((error: unknown) => {
        this.logger.error({ msg: 'socket handler failed', userId: socket.data.userId, err: error });
        reply({ ok: false, error: 'Something went wrong; try again.' });
      });
  }
}

/** One entry per person (several tabs count once), by name. */
function presentUsers(sockets: readonly { data: SocketData }[]): PresentUser[] {
  const people = new Map<string, PresentUser>();
  for (const s of sockets) {
    people.set(s.data.userId, { userId: s.data.userId, displayName: s.data.displayName });
  }
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
