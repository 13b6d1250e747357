import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SessionEndReason, SocketAck } from '@vigil/domain';
import { z } from 'zod';
import { AccessTokenService, type SessionState } from '../auth/access-token.service.js';
import type { Actor } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AccessChange } from '../authorization/access-changes.js';
import { CaseRooms, caseRoom, parseCaseRoom, userRoom } from './case-rooms.js';
import { DocumentHub } from './document-hub.js';
import type { VigilServer, VigilSocket } from './socket-types.js';

const renewRequest = z.object({ token: z.string().min(1).max(4096) });

/**
 * Keeps every open socket within what its person may read now: the one mechanism behind "access
 * lost is access gone". After any change that can reduce access (announced through the outbox, so
 * every instance hears it at commit) the affected sockets are checked again — session still live,
 * each case room still readable, each document still readable or editable — and whatever is no
 * longer allowed is left with a notice. A socket's access token also expires: the socket is asked
 * for a fresh one (`auth:expired` → `auth:renew`) and closed if none comes within the grace.
 */
@Injectable()
export class SocketAccess {
  private readonly logger = new Logger('SocketAccess');
  /** Expiry timers by socket id (this instance's sockets only). */
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly rooms: CaseRooms,
    private readonly documents: DocumentHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Arms the socket's token expiry: ask for a fresh token then, close after the grace. */
  watch(socket: VigilSocket): void {
    this.clearTimer(socket);
    const expiresIn = Math.max(0, socket.data.tokenExpiresAt - Date.now());
    const grace = this.config.SOCKET_RENEW_GRACE_SECONDS;
    const timer = setTimeout(() => {
      if (!socket.connected) return;
      socket.emit('auth:expired', { graceSeconds: grace });
      const last = setTimeout(() => {
        if (socket.connected && socket.data.tokenExpiresAt <= Date.now())
          this.end(socket, 'expired');
      }, grace * 1000);
      last.unref();
      this.timers.set(socket.id, last);
    }, expiresIn);
    timer.unref();
    this.timers.set(socket.id, timer);
  }

  forget(socket: VigilSocket): void {
    this.clearTimer(socket);
  }

  /** A fresh access token for the socket; another person's token closes the socket. */
  async renew(socket: VigilSocket, request: unknown): Promise<SocketAck> {
    const parsed = renewRequest.safeParse(request);
    if (!parsed.success) return { ok: false, error: 'Send { token }.' };
    let renewed;
    try {
      renewed = await this.tokens.authenticate(parsed.data.token);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : 'Sign in again.' };
    }
    if (renewed.actor.id !== socket.data.userId) {
      // After the answer has gone out: the socket closes right behind it.
      setTimeout(() => this.end(socket, 'session_ended'), 0);
      return { ok: false, error: 'This token belongs to someone else.' };
    }
    socket.data.sessionId = renewed.sessionId;
    socket.data.tokenExpiresAt = renewed.expiresAt;
    this.watch(socket);
    return { ok: true };
  }

  /** The socket's person as they are now, or null (and the socket closed) if its session ended. */
  async currentActor(socket: VigilSocket): Promise<Actor | null> {
    const state = await this.stateOf(socket);
    if ('actor' in state) return state.actor;
    this.end(socket, state.ended);
    return null;
  }

  /**
   * Checks again every socket of this instance that `change` may affect. Returns the cases whose
   * presence changed (a socket left their rooms).
   */
  async recheck(io: VigilServer, change: AccessChange): Promise<Set<string>> {
    const targets =
      'userId' in change
        ? [userRoom(change.userId)]
        : [
            caseRoom(change.caseId, 'office'),
            caseRoom(change.caseId, 'framework_team'),
            ...(await this.documents.roomsOfCase(change.caseId)),
          ];
    const sockets = localSocketsIn(io, targets);
    const states = new Map<string, Promise<SessionState>>();
    const touched = new Set<string>();
    for (const socket of sockets) {
      const key = `${socket.data.userId}/${socket.data.sessionId}`;
      if (!states.has(key)) states.set(key, this.stateOf(socket));
      const state = await (states.get(key) as Promise<SessionState>);
      try {
        if ('ended' in state) {
          caseRoomsOf(socket).forEach((caseId) => touched.add(caseId));
          this.end(socket, state.ended);
          continue;
        }
        await this.documents.recheck(socket, state.actor);
        for (const caseId of await this.leaveUnreadable(socket, state.actor)) touched.add(caseId);
      } catch (error) {
        // Fail closed: a socket whose access could not be checked again is closed (the client
        // reconnects and joins what it may), never left where it may no longer be.
        this.logger.error({ msg: 'socket recheck failed', userId: socket.data.userId, err: error });
        caseRoomsOf(socket).forEach((caseId) => touched.add(caseId));
        this.end(socket, 'session_ended');
      }
    }
    return touched;
  }

  /**
   * Takes the socket out of each case room its person may no longer join in that view (with
   * case:removed); returns the cases it left.
   */
  async leaveUnreadable(socket: VigilSocket, actor: Actor): Promise<string[]> {
    const left: string[] = [];
    for (const room of [...socket.rooms]) {
      const joined = parseCaseRoom(room);
      if (!joined) continue;
      if ((await this.rooms.viewFor(actor, joined.caseId)) === joined.view) continue;
      await socket.leave(room);
      socket.emit('case:removed', { caseId: joined.caseId });
      left.push(joined.caseId);
    }
    return left;
  }

  /** Tells the socket why its session is over and closes it. */
  end(socket: VigilSocket, reason: SessionEndReason): void {
    this.clearTimer(socket);
    this.logger.log({ msg: 'socket closed: session over', userId: socket.data.userId, reason });
    socket.emit('session:ended', { reason });
    socket.disconnect(true);
  }

  private stateOf(socket: VigilSocket): Promise<SessionState> {
    return this.tokens
      .sessionState(socket.data.userId, socket.data.sessionId)
      .catch((error: unknown) => {
        this.logger.error({ msg: 'socket recheck failed', userId: socket.data.userId, err: error });
        return { ended: 'session_ended' as const };
      });
  }

  private clearTimer(socket: VigilSocket): void {
    const timer = this.timers.get(socket.id);
    if (timer) clearTimeout(timer);
    this.timers.delete(socket.id);
  }
}

/** The cases whose rooms the socket is in. */
function caseRoomsOf(socket: VigilSocket): string[] {
  return [...socket.rooms].flatMap((room) => parseCaseRoom(room)?.caseId ?? []);
}

/** This instance's sockets in any of `rooms`, each once. */
function localSocketsIn(io: VigilServer, rooms: string[]): VigilSocket[] {
  const namespace = io.of('/');
  const ids = new Set<string>();
  for (const room of rooms) for (const id of namespace.adapter.rooms.get(room) ?? []) ids.add(id);
  return [...ids].flatMap((id) => namespace.sockets.get(id) ?? []);
}
