import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { ConnectionStatusIndicator } from '../../realtime/components/connection-status';
import { RealtimeProvider } from '../../realtime/components/realtime-provider';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/**
 * Signed-in layout: header (product name, live status, bell, user menu), left navigation and
 * main content, all under the session's one live connection.
 */
export function AppLayout() {
  return (
    <RealtimeProvider>
      <div className="app">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <header className="app__header">
          <Link to="/" className="app__brand">
            Vigil
          </Link>
          <div className="app__header-tools">
            <ConnectionStatusIndicator />
            <NotificationBell />
            <UserMenu />
          </div>
        </header>
        <div className="app__body">
          <aside className="app__sidebar">
            <MainNav />
          </aside>
          <main id="main" className="app__main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </RealtimeProvider>
  );
}
