import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import type { Action, SubjectName } from '@vigil/domain';
import { RequireAbility } from './features/auth/components/require-ability';
import { RequireSession } from './features/auth/components/require-session';
import { SessionGate } from './features/auth/components/session-gate';
import { SignInPage } from './features/auth/components/sign-in-page';
import { AppLayout } from './features/shell/components/app-layout';
import { HomePage } from './features/shell/components/home-page';
import { NotFoundPage } from './features/shell/components/not-found-page';

/** A page loaded on first visit, so the first screen does not wait for every feature. */
function lazyPage<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

const SituationsPage = lazyPage(
  () => import('./features/situations/components/situations-page'),
  'SituationsPage',
);
const CasePage = lazyPage(() => import('./features/situations/components/case-page'), 'CasePage');
const DocumentPage = lazyPage(
  () => import('./features/documents/components/document-page'),
  'DocumentPage',
);
const ApprovalsPage = lazyPage(
  () => import('./features/approvals/components/approvals-page'),
  'ApprovalsPage',
);
const NotificationsPage = lazyPage(
  () => import('./features/notifications/components/notifications-page'),
  'NotificationsPage',
);
const UsersPage = lazyPage(() => import('./features/users/components/users-page'), 'UsersPage');
const OrganisationsPage = lazyPage(
  () => import('./features/organisations/components/organisations-page'),
  'OrganisationsPage',
);
const AuditPage = lazyPage(() => import('./features/audit/components/audit-page'), 'AuditPage');
const InformationPage = lazyPage(
  () => import('./features/information/components/information-page'),
  'InformationPage',
);
const NewItemPage = lazyPage(
  () => import('./features/information/components/new-item-page'),
  'NewItemPage',
);
const ItemPage = lazyPage(() => import('./features/information/components/item-page'), 'ItemPage');
const EditItemPage = lazyPage(
  () => import('./features/information/components/edit-item-page'),
  'EditItemPage',
);
const NewAssessmentPage = lazyPage(
  () => import('./features/assessments/components/new-assessment-page'),
  'NewAssessmentPage',
);
const AssessmentPage = lazyPage(
  () => import('./features/assessments/components/assessment-page'),
  'AssessmentPage',
);
const PrioritySituationsPage = lazyPage(
  () => import('./features/framework-team/components/priority-situations-page'),
  'PrioritySituationsPage',
);
const PrioritySituationPage = lazyPage(
  () => import('./features/framework-team/components/priority-situation-page'),
  'PrioritySituationPage',
);
const HeatMapPage = lazyPage(
  () => import('./features/risk/components/heat-map-page'),
  'HeatMapPage',
);

function loading(element: ReactNode): ReactNode {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading…
        </p>
      }
    >
      {element}
    </Suspense>
  );
}

/** A page shown only to those whose abilities allow it; to everyone else it does not exist. */
function guarded(action: Action, subject: SubjectName, Page: ComponentType): ReactNode {
  return loading(
    <RequireAbility action={action} subject={subject}>
      <Page />
    </RequireAbility>,
  );
}

/**
 * Routes. Pages the user may not use render "Not found" so they are not revealed.
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
                { index: true, element: <HomePage /> },
                { path: 'situations', element: guarded('read', 'Case', SituationsPage) },
                { path: 'situations/:id', element: guarded('read', 'Case', CasePage) },
                {
                  path: 'situations/:caseId/documents/:documentId',
                  element: guarded('read', 'Case', DocumentPage),
                },
                {
                  path: 'situations/:caseId/assessments/new',
                  element: guarded('assess', 'Case', NewAssessmentPage),
                },
                { path: 'assessments/:id', element: guarded('read', 'Case', AssessmentPage) },
                { path: 'risk', element: guarded('read', 'Case', HeatMapPage) },
                {
                  path: 'information',
                  element: guarded('read', 'InformationItem', InformationPage),
                },
                {
                  path: 'information/new',
                  element: guarded('create', 'InformationItem', NewItemPage),
                },
                {
                  path: 'information/:id',
                  element: guarded('read', 'InformationItem', ItemPage),
                },
                {
                  path: 'information/:id/edit',
                  element: guarded('read', 'InformationItem', EditItemPage),
                },
                { path: 'approvals', element: guarded('approve', 'Case', ApprovalsPage) },
                {
                  path: 'framework-team',
                  element: guarded('read', 'PrioritySituation', PrioritySituationsPage),
                },
                {
                  path: 'framework-team/:id',
                  element: guarded('read', 'PrioritySituation', PrioritySituationPage),
                },
                { path: 'notifications', element: loading(<NotificationsPage />) },
                { path: 'admin/users', element: guarded('create', 'User', UsersPage) },
                {
                  path: 'admin/organisations',
                  element: guarded('create', 'Organisation', OrganisationsPage),
                },
                { path: 'admin/audit', element: guarded('read', 'AuditEntry', AuditPage) },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
