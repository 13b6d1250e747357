import type { ApiSchemas } from '@vigil/client';
import { api, optional, unwrap } from '../../../lib/api-client';

export interface ListUsersParams {
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export type UserPage = ApiSchemas['UserPageResponse'];
export type CreateUserInput = ApiSchemas['CreateUserDto'];
export type UpdateUserInput = ApiSchemas['UpdateUserDto'];
type User = ApiSchemas['UserResponse'];

export function listUsers({ q, cursor, limit }: ListUsersParams = {}): Promise<UserPage> {
  return unwrap(
    api.GET('/api/users', {
      params: { query: { q: optional(q), cursor: optional(cursor), limit } },
    }),
  );
}

export function createUser(input: CreateUserInput): Promise<User> {
  return unwrap(api.POST('/api/users', { body: input }));
}

export function updateUser(id: string, input: UpdateUserInput): Promise<User> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: input }));
}
