import { useCallback, useEffect, useState } from 'react';
import { ApiError, refreshSession } from '../../../lib/api-client';
import { useSession } from './use-session';

interface SessionRestore {
  restoring: boolean;
  /** Set when the server could not be reached; the stored token is kept. */
  error: ApiError | null;
  retry: () => void;
}

/**
 * On app load with a stored refresh token, silently refreshes to restore the session.
 * Refresh is single-flight, so StrictMode's double effect does not reuse the token twice.
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
      if (cause instanceof ApiError && cause.statusCode === 0) setError(cause);
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
