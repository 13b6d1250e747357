import { connectRealtime, type RealtimeSocket, type ServerToClientEvents } from '@vigil/client';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app.js';
import type { TestApi } from './api.js';
import { testConfig } from './test-config.js';

/** An api listening on a real port, for Socket.IO clients. */
export interface LiveApi extends TestApi {
  url: string;
}

export async function startLiveApi(overrides: Record<string, string> = {}): Promise<LiveApi> {
  const app: NestFastifyApplication = await createApp(testConfig(overrides));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the api is not listening');
  return {
    app,
    url: `http://127.0.0.1:${address.port}`,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}

/** Connects with `token` and resolves once the handshake is accepted (rejects with its error). */
export function connectAs(
  api: Pick<LiveApi, 'url'>,
  token: string | null,
): Promise<RealtimeSocket> {
  const socket = connectRealtime({ url: api.url, token: () => token, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

type EventName = keyof ServerToClientEvents;
type PayloadOf<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** Everything a socket receives of one event, in order. */
export function record<E extends EventName>(socket: RealtimeSocket, event: E): PayloadOf<E>[] {
  const seen: PayloadOf<E>[] = [];
  const listener = (payload: PayloadOf<E>) => seen.push(payload);
  (socket.on as (e: string, l: (p: PayloadOf<E>) => void) => void)(event, listener);
  return seen;
}

/** Waits until `condition` holds, polling; fails with `what` after `ms`. */
export async function eventually(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets in-flight deliveries arrive, so a test can assert that something did NOT arrive. */
export function settle(ms = 400): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function joinCase(socket: RealtimeSocket, caseId: unknown) {
  return socket.timeout(5000).emitWithAck('case:join', { caseId } as { caseId: string });
}
