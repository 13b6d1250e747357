import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DocumentProvider } from '@vigil/client';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { AccessLost } from '../../realtime/components/access-lost';
import { useCaseRoom } from '../../realtime/hooks/use-case-room';
import { useRealtime } from '../../realtime/hooks/realtime-context';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useCase, useCaseMembers } from '../../situations/hooks/use-cases';
import { documentKeys } from '../hooks/document-query-keys';
import { useDocument } from '../hooks/use-documents';
import { useDocumentProvider } from '../hooks/use-document-provider';
import { useDraftingAbilities } from '../hooks/use-document-abilities';
import { colourForUser } from '../hooks/user-colour';
import { CoEditors } from './co-editors';
import { DocumentActions } from './document-actions';
import { DocumentEditor } from './document-editor';
import { DOCUMENT_KIND_LABELS } from './document-labels';
import { DocumentStatusBadge } from './document-status-badge';
import { ReadOnlyBanner, readOnlyReason } from './read-only-banner';
import { SyncStatus } from './sync-status';
import { VerifyPanel } from './verify-panel';
import { VersionList } from './version-list';
import { VisibleText, visibleText } from '../../../components/visible-text';

/** How long a version or a submission waits for unsent edits before giving up. */
const SAVE_WAIT_MS = 10_000;

/** Resolves once the server holds every local edit; refuses after a while (offline). */
function waitUntilSaved(provider: DocumentProvider | null): Promise<void> {
  if (!provider) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(
      () => reject(new Error('Some edits are not saved yet. Check the connection and try again.')),
      SAVE_WAIT_MS,
    );
    void provider.whenSaved().then(() => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

/** A one-time message handed over by navigation (e.g. "A new revision was created."). */
function useAnnouncement(): [string, (message: string) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const state: unknown = location.state;
  const initial =
    typeof state === 'object' && state !== null && 'announcement' in state
      ? String(state.announcement)
      : '';
  const [announcement, setAnnouncement] = useState(initial);
  useEffect(() => {
    if (initial) void navigate('.', { replace: true, state: null });
  }, [initial, navigate]);
  return [announcement, setAnnouncement];
}

/**
 * `/situations/:caseId/documents/:documentId`: the shared editor with co-editors' carets, the
 * connection and save state, the review steps, versions with diff and PDF, and the proof.
 * Another document (a new revision) is a fresh page: nothing of this one's state carries over.
 */
export function DocumentPage() {
  const { documentId = '' } = useParams();
  return <DocumentView key={documentId} />;
}

function DocumentView() {
  const { caseId = '', documentId = '' } = useParams();
  const me = useCurrentUser();
  const { status: connection } = useRealtime();
  const [announcement, setAnnouncement] = useAnnouncement();
  const room = useCaseRoom(caseId);
  const doc = useDocument(documentId);
  const caseItem = useCase(caseId);
  const members = useCaseMembers(caseId);
  const { canDraft, canApprove } = useDraftingAbilities(caseItem.data, members.data);
  const { provider, state, answered } = useDocumentProvider(documentId);
  const user = useMemo(
    () => ({ userId: me.id, name: me.displayName, color: colourForUser(me.id) }),
    [me.id, me.displayName],
  );
  const beforeFreeze = useCallback(() => waitUntilSaved(provider), [provider]);
  // The server withdrew the document (or the whole situation) from this person while it was open.
  const withdrawn = room.removed || state?.removed === true;
  const queryClient = useQueryClient();
  useEffect(() => {
    if (withdrawn) queryClient.removeQueries({ queryKey: documentKeys.detail(documentId) });
  }, [withdrawn, queryClient, documentId]);
  useDocumentTitle(withdrawn ? 'No access' : (doc.data?.title ?? 'Document'));

  if (withdrawn) {
    return (
      <AccessLost
        subject="document"
        backTo={room.removed ? '/situations' : `/situations/${caseId}`}
        backLabel={room.removed ? '← Situations' : '← Back to the situation'}
      />
    );
  }
  if (doc.isPending) return <LoadingIndicator label="Loading the document…" />;
  if (doc.isError) {
    if (doc.error instanceof ApiError && [400, 403, 404].includes(doc.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={doc.error} onRetry={() => void doc.refetch()} />;
  }
  const data = doc.data;
  if (data.caseId !== caseId) return <NotFoundPage />;
  const reason = readOnlyReason(data, state, answered, canDraft);
  const editable = answered && reason === null && state?.readOnly === false;

  return (
    <article className="page page--wide doc-page" aria-labelledby="doc-title">
      <p className="breadcrumb">
        <Link to={`/situations/${caseId}`}>
          ←{' '}
          {caseItem.data
            ? `${caseItem.data.reference}: ${visibleText(caseItem.data.title)}`
            : 'Situation'}
        </Link>
      </p>
      <header className="doc-header">
        <p className="case-header__reference">{DOCUMENT_KIND_LABELS[data.kind]}</p>
        <h1 id="doc-title">
          <VisibleText text={data.title} />
        </h1>
        <p className="doc-header__meta">
          <DocumentStatusBadge status={data.status} />{' '}
          <span className="muted">
            Started by {data.createdBy.displayName} on {formatDateTime(data.createdAt)}
          </span>
          {data.revisionId ? (
            <>
              {' · '}
              <Link to={`/situations/${caseId}/documents/${data.revisionId}`}>
                Open the revision being drafted
              </Link>
            </>
          ) : null}
          {data.revisionOf ? (
            <>
              {' · '}
              <Link to={`/situations/${caseId}/documents/${data.revisionOf}`}>
                Revision of the transmitted document
              </Link>
            </>
          ) : null}
        </p>
      </header>
      <p role="status" className="page__status">
        {announcement}
      </p>

      <div className="doc-layout">
        <div className="doc-layout__main">
          <div className="doc-presence">
            <SyncStatus connection={connection} state={state} readOnly={!editable} />
            {provider ? <CoEditors provider={provider} joined={state?.joined ?? false} /> : null}
          </div>
          <ReadOnlyBanner reason={reason} />
          {provider ? (
            <DocumentEditor
              provider={provider}
              user={user}
              editable={editable}
              label={`Text of ${visibleText(data.title)}`}
            />
          ) : (
            <LoadingIndicator label="Connecting to the document…" />
          )}
          <VersionList doc={data} />
        </div>
        <div className="doc-layout__side">
          <section className="card" aria-labelledby="review-title">
            <h2 id="review-title" className="card__title">
              Review
            </h2>
            <p>
              Status: <DocumentStatusBadge status={data.status} />
            </p>
            <DocumentActions
              doc={data}
              canDraft={canDraft}
              canApprove={canApprove}
              beforeFreeze={beforeFreeze}
              onDone={setAnnouncement}
            />
          </section>
          <VerifyPanel doc={data} />
        </div>
      </div>
    </article>
  );
}
