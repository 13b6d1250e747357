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
/** A user as created or changed, with the grant that waits for a second administrator. */
export type UserChange = ApiSchemas['UserChangeResponse'];
/** A grant of a role or clearance waiting for (or decided by) a second administrator. */
export type AccountChange = ApiSchemas['AccountChangeResponse'];
export type AccountChangePage = ApiSchemas['AccountChangePageResponse'];
export type AccountChangeDecision = 'confirm' | 'reject';

export function listUsers({ q, cursor, limit }: ListUsersParams = {}): Promise<UserPage> {
  return unwrap(
    api.GET('/api/users', {
      params: { query: { q: optional(q), cursor: optional(cursor), limit } },
    }),
  );
}

export function createUser(input: CreateUserInput): Promise<UserChange> {
  return unwrap(api.POST('/api/users', { body: input }));
}

export function updateUser(id: string, input: UpdateUserInput): Promise<UserChange> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: input }));
}

/** Pending grants, oldest first. */
export function listPendingAccountChanges(cursor: string | null): Promise<AccountChangePage> {
  return unwrap(
    api.GET('/api/account-changes', {
      params: { query: { status: 'pending', cursor: optional(cursor), limit: 50 } },
    }),
  );
}

/** Confirms (the grant applies) or rejects a pending grant. */
export function decideAccountChange(
  id: string,
  decision: AccountChangeDecision,
): Promise<AccountChange> {
  const path = { params: { path: { id } } };
  return unwrap(
    decision === 'confirm'
      ? api.POST('/api/account-changes/{id}/confirm', path)
      : api.POST('/api/account-changes/{id}/reject', path),
  );
}
