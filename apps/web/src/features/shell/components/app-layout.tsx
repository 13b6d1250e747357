import { Link, Outlet } from 'react-router';
import { NotificationBell } from '../../notifications/components/notification-bell';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

/** Signed-in layout: header (product name, user menu), left navigation and main content. */
export function AppLayout() {
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className="app__header">
        <Link to="/" className="app__brand">
          Vigil
        </Link>
        <div className="app__header-tools">
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
  );
}
