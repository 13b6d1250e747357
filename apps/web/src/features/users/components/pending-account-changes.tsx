import { useId, useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { formatDateTime, plural } from '../../../lib/format';
import type { AccountChange, AccountChangeDecision } from '../api/users-api';
import { usePendingAccountChanges, useDecideAccountChange } from '../hooks/use-account-changes';
import { describeGrant } from './account-change-words';

/**
 * Grants of the adviser or admin role or of a higher clearance that wait for a second
 * administrator, with Confirm and Reject; the requester and the person concerned see why they may
 * not decide. Nothing is shown when nothing waits.
 */
export function PendingAccountChanges({ onDone }: { onDone: (message: string) => void }) {
  const headingId = useId();
  const query = usePendingAccountChanges();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isPending) return <LoadingIndicator label="Loading changes awaiting confirmation…" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return null;
  return (
    <section className="account-changes" aria-labelledby={headingId}>
      <h2 id={headingId}>Awaiting a second administrator</h2>
      <p className="muted">
        {plural(items.length, 'change')} to roles or clearance. A grant of the adviser or admin role
        or of a higher clearance applies only once an administrator other than the one who asked
        confirms it.
      </p>
      <ul className="approvals">
        {items.map((change) => (
          <AccountChangeItem key={change.id} change={change} onDone={onDone} />
        ))}
      </ul>
      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </section>
  );
}

function AccountChangeItem({
  change,
  onDone,
}: {
  change: AccountChange;
  onDone: (message: string) => void;
}) {
  const decide = useDecideAccountChange();
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const reasonId = useId();
  const reason = change.cannotDecideReason;
  const describedBy = reason ? `${headingId} ${reasonId}` : headingId;

  const act = async (decision: AccountChangeDecision) => {
    setError(null);
    try {
      await decide.mutateAsync({ id: change.id, decision });
      onDone(
        decision === 'confirm'
          ? `Confirmed: “${change.user.displayName}” now has ${describeGrant(change)}.`
          : `Rejected: “${change.user.displayName}” does not get ${describeGrant(change)}.`,
      );
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <li className="card account-change" aria-labelledby={headingId}>
      <h3 id={headingId} className="card__title">
        {change.user.displayName} <span className="account-change__email">{change.user.email}</span>
      </h3>
      <dl className="details details--compact">
        {change.addRoles.length > 0 ? (
          <>
            <dt>Grant</dt>
            <dd>{change.addRoles.map((role) => `${role} role`).join(', ')}</dd>
          </>
        ) : null}
        {change.clearance ? (
          <>
            <dt>Clearance</dt>
            <dd>
              {CLEARANCE_LABELS[change.previousClearance]} → {CLEARANCE_LABELS[change.clearance]}
            </dd>
          </>
        ) : null}
        <dt>Asked by</dt>
        <dd>
          {change.requestedBy.displayName} ({change.requestedBy.email}),{' '}
          {formatDateTime(change.createdAt)}
        </dd>
      </dl>
      <FormAlert message={error} />
      <div className="form__actions form__actions--start">
        <button
          type="button"
          className="button button--primary"
          disabled={!change.canDecide || decide.isPending}
          aria-describedby={describedBy}
          onClick={() => void act('confirm')}
        >
          Confirm
        </button>
        <button
          type="button"
          className="button"
          disabled={!change.canDecide || decide.isPending}
          aria-describedby={describedBy}
          onClick={() => void act('reject')}
        >
          Reject
        </button>
      </div>
      {reason ? (
        <p id={reasonId} className="account-change__reason">
          {reason}
        </p>
      ) : null}
    </li>
  );
}
