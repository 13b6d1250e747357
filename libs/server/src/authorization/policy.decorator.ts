import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectName } from '@vigil/domain';

/** Metadata key read by the AccessGuard. */
export const ACCESS_POLICY = 'vigil:access-policy';

/** How a route may be reached. A route with none of these is refused (deny by default). */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'ability'; action: Action; subject: SubjectName };

/** Reachable without signing in (login, health). Say so explicitly on each such route. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any signed-in, active user (their own session, their own profile). */
export const Authenticated = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);

/**
 * The caller's abilities must allow `action` on some `subject`. Checks on one record (this user,
 * this case) happen in the service, where the record is loaded.
 */
export const RequirePolicy = (action: Action, subject: SubjectName) =>
  SetMetadata(ACCESS_POLICY, { kind: 'ability', action, subject } satisfies AccessPolicy);
