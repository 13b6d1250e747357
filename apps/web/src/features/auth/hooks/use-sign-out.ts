import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { revokeSession } from '../../../lib/api-client';
import { clearSession, getAccessToken } from '../../../lib/auth-session';

/**
 * Signs out: forgets the session here and in every other tab of the browser at once, clears the
 * cached data, goes to `/sign-in`, then revokes the session on the server with the bearer token
 * (which also clears the refresh cookie). A failed revocation changes nothing here.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = useCallback(async () => {
    setSigningOut(true);
    const token = getAccessToken();
    // Locally first: this tab's socket closes before the server announces the end to it.
    clearSession(null, { announce: true });
    queryClient.clear();
    try {
      await navigate('/sign-in', { replace: true });
      if (token) await revokeSession(token);
    } finally {
      setSigningOut(false);
    }
  }, [navigate, queryClient]);

  return { signOut, signingOut };
}
