import { DomainError } from '@vigil/domain';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { displayNameInUse } from './user.store.js';

/** The unique index behind display names (migration AccountChanges). */
const DISPLAY_NAME_INDEX = 'users_display_name_org_key';

/**
 * Refuses a display name another account of the organisation already has, whatever its case:
 * two advisers of one name would make two approvals by one person look like four eyes.
 */
export async function assertDisplayNameFree(
  m: EntityManager,
  organisationId: string,
  displayName: string,
  exceptUserId: string | null,
): Promise<void> {
  if (await displayNameInUse(m, organisationId, displayName, exceptUserId)) {
    throw displayNameTaken();
  }
}

/** Runs `work`; a concurrent writer that took the name after our check gets the same 409. */
export async function displayNameConflictAsError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const pgError =
      error instanceof QueryFailedError
        ? (error.driverError as { code?: unknown; constraint?: unknown })
        : null;
    if (pgError?.code === '23505' && pgError.constraint === DISPLAY_NAME_INDEX)
      throw displayNameTaken();
    throw error;
  }
}

function displayNameTaken(): DomainError {
  return new DomainError(
    'conflict',
    'Another account of this organisation already has this display name.',
    [
      {
        field: 'displayName',
        message: 'already used in this organisation (names must differ, whatever their case)',
      },
    ],
  );
}
