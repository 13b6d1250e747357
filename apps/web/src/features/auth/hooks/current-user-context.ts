import { createContext, useContext } from 'react';
import type { User } from '../../../lib/api-types';

/** Provided by the session guard once `/api/auth/me` has loaded. */
export const CurrentUserContext = createContext<User | null>(null);

/** The signed-in user. Only use inside routes protected by `RequireSession`. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside RequireSession');
  return user;
}
