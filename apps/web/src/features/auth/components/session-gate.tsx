import { Outlet } from 'react-router';
import { QueryError, LoadingIndicator } from '../../../components/query-state';
import { useSessionRestore } from '../hooks/use-session-restore';

/**
 * Root route element: while a stored session is being restored, shows a small loading state
 * (or a retry if the server cannot be reached); otherwise renders the matched route.
 */
export function SessionGate() {
  const { restoring, error, retry } = useSessionRestore();
  if (!restoring) return <Outlet />;
  return (
    <main className="centered" id="main">
      {error ? (
        <QueryError error={error} onRetry={retry} />
      ) : (
        <LoadingIndicator label="Restoring your session…" />
      )}
    </main>
  );
}
