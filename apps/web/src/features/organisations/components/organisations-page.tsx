import { useState } from 'react';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import type { Organisation } from '../../../lib/api-types';
import { plural } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useOrganisations } from '../hooks/use-organisations';
import { OrganisationFormDialog } from './organisation-form-dialog';
import { OrganisationsTable } from './organisations-table';

type DialogState = { mode: 'create' } | { mode: 'edit'; organisation: Organisation } | null;

/** `/admin/organisations`: list, create and edit organisations. */
export function OrganisationsPage() {
  useDocumentTitle('Organisations');
  const query = useOrganisations();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const organisations = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page" aria-labelledby="organisations-title">
      <div className="page__header">
        <h1 id="organisations-title">Organisations</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setDialog({ mode: 'create' })}
        >
          New organisation
        </button>
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>
      {query.isPending ? (
        <LoadingIndicator label="Loading organisations…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className={organisations.length === 0 ? 'empty-state' : 'muted'} aria-live="polite">
            {organisations.length > 0
              ? `${plural(organisations.length, 'organisation')} shown`
              : 'No organisations yet. Use “New organisation” to add one.'}
          </p>
          {organisations.length > 0 ? (
            <OrganisationsTable
              organisations={organisations}
              onEdit={(organisation) => setDialog({ mode: 'edit', organisation })}
            />
          ) : null}
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
      {dialog ? (
        <OrganisationFormDialog
          organisation={dialog.mode === 'edit' ? dialog.organisation : undefined}
          onClose={() => setDialog(null)}
          onSaved={(organisation, created) => {
            setDialog(null);
            setAnnouncement(
              `Organisation “${organisation.name}” ${created ? 'created' : 'updated'}.`,
            );
          }}
        />
      ) : null}
    </section>
  );
}
