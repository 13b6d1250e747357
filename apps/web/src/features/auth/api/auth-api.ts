import type { ApiSchemas } from '@vigil/client';
import { api, unwrap, type SessionResponse } from '../../../lib/api-client';

export type LoginInput = ApiSchemas['LoginDto'];
export type LoginResponse = SessionResponse;
/** `GET /api/auth/me`: the signed-in user and their packed CASL rules. */
export type MeResponse = ApiSchemas['MeResponse'];

/** Signs in; the answer carries the access token, the refresh token arrives as a cookie. */
export function login(input: LoginInput): Promise<LoginResponse> {
  return unwrap(api.POST('/api/auth/login', { body: input }));
}

export function fetchMe(): Promise<MeResponse> {
  return unwrap(api.GET('/api/auth/me'));
}
