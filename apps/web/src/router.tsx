import { createBrowserRouter } from 'react-router';
import { RequireAbility } from './features/auth/components/require-ability';
import { RequireSession } from './features/auth/components/require-session';
import { SessionGate } from './features/auth/components/session-gate';
import { SignInPage } from './features/auth/components/sign-in-page';
import { ApprovalsPage } from './features/approvals/components/approvals-page';
import { AuditPage } from './features/audit/components/audit-page';
import { NotificationsPage } from './features/notifications/components/notifications-page';
import { OrganisationsPage } from './features/organisations/components/organisations-page';
import { OverviewPage } from './features/overview/components/overview-page';
import { AppLayout } from './features/shell/components/app-layout';
import { NotFoundPage } from './features/shell/components/not-found-page';
import { CasePage } from './features/situations/components/case-page';
import { SituationsPage } from './features/situations/components/situations-page';
import { UsersPage } from './features/users/components/users-page';

/**
 * Routes. Admin pages render "Not found" when the ability is missing so they are not revealed.
 * Anonymous users hitting any signed-in route (including unknown ones) go to `/sign-in`.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <SessionGate />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppLayout />,
              children: [
                { index: true, element: <OverviewPage /> },
                {
                  path: 'situations',
                  element: (
                    <RequireAbility action="read" subject="Case">
                      <SituationsPage />
                    </RequireAbility>
                  ),
                },
                {
                  path: 'situations/:id',
                  element: (
                    <RequireAbility action="read" subject="Case">
                      <CasePage />
                    </RequireAbility>
                  ),
                },
                {
                  path: 'approvals',
                  element: (
                    <RequireAbility action="approve" subject="Case">
                      <ApprovalsPage />
                    </RequireAbility>
                  ),
                },
                { path: 'notifications', element: <NotificationsPage /> },
                {
                  path: 'admin/users',
                  element: (
                    <RequireAbility action="create" subject="User">
                      <UsersPage />
                    </RequireAbility>
                  ),
                },
                {
                  path: 'admin/organisations',
                  element: (
                    <RequireAbility action="create" subject="Organisation">
                      <OrganisationsPage />
                    </RequireAbility>
                  ),
                },
                {
                  path: 'admin/audit',
                  element: (
                    <RequireAbility action="read" subject="AuditEntry">
                      <AuditPage />
                    </RequireAbility>
                  ),
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
