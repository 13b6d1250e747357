import { Navigate } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { isFrameworkTeamOnly } from '../../framework-team/framework-team-user';
import { OverviewPage } from '../../overview/components/overview-page';

/** `/`: the overview, or the Framework Team portal for those who only have that role. */
export function HomePage() {
  const user = useCurrentUser();
  if (isFrameworkTeamOnly(user)) return <Navigate to="/framework-team" replace />;
  return <OverviewPage />;
}
