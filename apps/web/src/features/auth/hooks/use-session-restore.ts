import { useCallback, useEffect, useState } from 'react';
import { ApiError, refreshSession } from '../../../lib/api-client';
import { useSession } from './use-session';

interface SessionRestore {
  restoring: boolean;
  /** Set when the server could not be reached or was busy; the session cookie is kept. */
  error: ApiError | null;
  retry: () => void;
}

/**
 * On app load when this browser may hold a session (or after "Continue as …"), silently
 * refreshes through the refresh cookie to restore it. Refresh is single-flight, so StrictMode's
 * double effect does not use the cookie twice.
 */
export function useSessionRestore(): SessionRestore {
  const session = useSession();
  const restoring = session.status === 'restoring';
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!restoring) return;
    let cancelled = false;
    refreshSession().catch((cause: unknown) => {
      if (cancelled) return;
      // A refusal signs out (the sign-in page says why); anything else may pass: offer a retry.
      if (cause instanceof ApiError && cause.statusCode !== 401) setError(cause);
    });
    return () => {
      cancelled = true;
    };
  }, [restoring, attempt]);

  const retry = useCallback(() => {
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  return { restoring, error, retry };
}
