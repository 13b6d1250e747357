import { useId, useState } from 'react';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import type { User } from '../../../lib/api-types';
import { plural } from '../../../lib/format';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUsers } from '../hooks/use-users';
import { CreateUserDialog } from './create-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { UsersTable } from './users-table';
import { pendingNotice } from './account-change-words';
import { PendingAccountChanges } from './pending-account-changes';

type DialogState = { mode: 'create' } | { mode: 'edit'; user: User } | null;

/**
 * `/admin/users`: search, page through, create and edit users; confirm or reject the grants
 * another administrator asked for.
 */
export function UsersPage() {
  useDocumentTitle('Users');
  const searchId = useId();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const query = useUsers(q);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [announcement, setAnnouncement] = useState('');
  const users = query.data?.pages.flatMap((page) => page.items) ?? [];
  const searching = query.isFetching && !query.isFetchingNextPage;

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page__header">
        <h1 id="users-title">Users</h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setDialog({ mode: 'create' })}
        >
          New user
        </button>
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>
      <PendingAccountChanges onDone={setAnnouncement} />
      <form className="toolbar" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field--inline">
          <label htmlFor={searchId} className="field__label">
            Search users
          </label>
          <input
            id={searchId}
            className="input"
            type="search"
            name="q"
            placeholder="Name or e-mail"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
        {searching ? <span className="muted">Searching…</span> : null}
      </form>
      {query.isPending ? (
        <LoadingIndicator label="Loading users…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className={users.length === 0 ? 'empty-state' : 'muted'} aria-live="polite">
            {users.length > 0
              ? `${plural(users.length, 'user')} shown`
              : q
                ? `No users match “${q}”.`
                : 'No users yet. Use “New user” to add one.'}
          </p>
          {users.length > 0 ? (
            <UsersTable users={users} onEdit={(user) => setDialog({ mode: 'edit', user })} />
          ) : null}
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
      {dialog?.mode === 'create' ? (
        <CreateUserDialog
          onClose={() => setDialog(null)}
          onCreated={(user) => {
            setDialog(null);
            setAnnouncement(
              `User “${user.displayName}” created.${pendingNotice(user.pendingChange)}`,
            );
          }}
        />
      ) : null}
      {dialog?.mode === 'edit' ? (
        <EditUserDialog
          user={dialog.user}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            setAnnouncement(
              `Changes to “${user.displayName}” saved.${pendingNotice(user.pendingChange)}`,
            );
          }}
        />
      ) : null}
    </section>
  );
}
