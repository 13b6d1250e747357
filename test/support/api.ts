import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../apps/api/src/create-app.js';
import { buildUser, type BuiltUser } from './factories.js';
import { testConfig } from './test-config.js';

/** A running in-process api and a supertest client for it. */
export interface TestApi {
  app: NestFastifyApplication;
  http: () => TestAgent;
  close: () => Promise<void>;
}

/** What a helper needs to send requests: an in-process api or an api process's URL. */
export type HttpApi = Pick<TestApi, 'http'>;

export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const app = await createApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, http: () => request(app.getHttpServer()), close: () => app.close() };
}

/** A signed-in user: their row, tokens, and helpers that send the bearer token. */
export interface Session {
  user: BuiltUser;
  accessToken: string;
  /** From the HttpOnly `vigil_refresh` cookie of the sign-in answer (see `refreshWith`). */
  refreshToken: string;
  auth: () => { Authorization: string };
}

/** The refresh token a sign-in or refresh answer set in its cookie ('' when it cleared it). */
export function refreshTokenFrom(res: { headers: Record<string, unknown> }): string | null {
  const header = res.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : [String(header ?? '')];
  for (const cookie of cookies) {
    const match = /^vigil_refresh=([^;]*)/.exec(cookie);
    if (match) return match[1] ?? '';
  }
  return null;
}

/** `POST /api/auth/refresh` as a browser sends it: the refresh token in its cookie. */
export function refreshWith(api: HttpApi, token: string) {
  return api.http().post('/api/auth/refresh').set('Cookie', `vigil_refresh=${token}`).send();
}

/** Signs `user` in through the real login route. */
export async function signIn(api: HttpApi, user: BuiltUser): Promise<Session> {
  const res = await api
    .http()
    .post('/api/auth/login')
    .send({ email: user.email, password: user.password });
  if (res.status !== 200)
    throw new Error(`login failed for ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  // Only the tokens: the response's own `user` must not replace the built user (and its password).
  const { accessToken } = res.body as { accessToken: string };
  const refreshToken = refreshTokenFrom(res) ?? '';
  return {
    user,
    accessToken,
    refreshToken,
    auth: () => ({ Authorization: `Bearer ${accessToken}` }),
  };
}

/** Creates a user with these roles and signs them in. */
export async function sessionFor(
  api: HttpApi,
  overrides: Parameters<typeof buildUser>[0] = {},
): Promise<Session> {
  return signIn(api, await buildUser(overrides));
}
