import { useMemo } from 'react';
import { Navigate, Outlet } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { AbilityProvider, createAbilityFromPackedRules } from '../../../lib/ability';
import { CurrentUserContext } from '../hooks/current-user-context';
import { useMe } from '../hooks/use-me';
import { useSession } from '../hooks/use-session';

/**
 * Guards signed-in routes: redirects anonymous users to `/sign-in`, loads `/api/auth/me`,
 * and provides the current user and CASL ability to everything below.
 */
export function RequireSession() {
  const session = useSession();
  const me = useMe();
  const data = me.data;
  const ability = useMemo(() => (data ? createAbilityFromPackedRules(data.rules) : null), [data]);

  if (session.status !== 'authenticated') return <Navigate to="/sign-in" replace />;
  // A `me` of another person (a change of person in flight) is never shown.
  if (data && data.user.id !== session.userId) {
    return (
      <main className="centered" id="main">
        <LoadingIndicator label="Loading your workspace…" />
      </main>
    );
  }
  if (me.isError && !data) {
    return (
      <main className="centered" id="main">
        <QueryError error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!data || !ability) {
    return (
      <main className="centered" id="main">
        <LoadingIndicator label="Loading your workspace…" />
      </main>
    );
  }
  return (
    // Keyed by person: nothing of one person's pages (state, socket) survives into another's.
    <CurrentUserContext key={data.user.id} value={data.user}>
      <AbilityProvider ability={ability}>
        <Outlet />
      </AbilityProvider>
    </CurrentUserContext>
  );
}
