import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { clearSession, getRefreshToken } from '../../../lib/auth-session';
import { logout } from '../api/auth-api';

/** Revokes the refresh token, clears the session and cached data, and goes to `/sign-in`. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  const signOut = useCallback(async () => {
    setSigningOut(true);
    const refreshToken = getRefreshToken();
    try {
      if (refreshToken) await logout(refreshToken);
    } catch {
      // The local session is cleared regardless; the token will expire server-side.
    } finally {
      clearSession();
      await navigate('/sign-in', { replace: true });
      queryClient.clear();
      setSigningOut(false);
    }
  }, [navigate, queryClient]);

  return { signOut, signingOut };
}
