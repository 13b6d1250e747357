import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { LoadMoreButton } from '../../../components/load-more-button';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { plural } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { Decision, Escalation } from '../../situations/api/cases-api';
import { useDecideEscalation } from '../../situations/hooks/use-case-actions';
import { STAGE_LABELS, durationInWords } from '../../situations/components/stage';
import { approversInWords } from '../../situations/components/escalation-summary';
import { usePendingEscalations } from '../hooks/use-pending-escalations';
import { VisibleText } from '../../../components/visible-text';

/** `/approvals`: pending proposals, oldest first, with Approve / Reject where allowed. */
export function ApprovalsPage() {
  useDocumentTitle('Approvals');
  const query = usePendingEscalations();
  const [announcement, setAnnouncement] = useState('');
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page" aria-labelledby="approvals-title">
      <div className="page__header">
        <h1 id="approvals-title">Approvals</h1>
      </div>
      <p role="status" className="page__status">
        {announcement}
      </p>
      {query.isPending ? (
        <LoadingIndicator label="Loading proposals…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p className="empty-state">Nothing awaits your approval.</p>
      ) : (
        <>
          <p className="muted">{plural(items.length, 'proposal')} pending, oldest first.</p>
          <ul className="approvals">
            {items.map((item) => (
              <ApprovalItem key={item.id} item={item} onDone={setAnnouncement} />
            ))}
          </ul>
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </section>
  );
}

function ApprovalItem({ item, onDone }: { item: Escalation; onDone: (message: string) => void }) {
  const user = useCurrentUser();
  const decide = useDecideEscalation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const noteId = useId();
  const own = item.proposedBy.id === user.id;
  const approvedByMe = item.approvals.some((a) => a.userId === user.id);

  const act = async (decision: Decision) => {
    setError(null);
    try {
      const result = await decide.mutateAsync({
        escalationId: item.id,
        caseId: item.caseId,
        decision,
        note,
      });
      onDone(
        decision === 'reject'
          ? `Proposal on ${item.caseReference} rejected.`
          : result.status === 'approved'
            ? `Approved: ${item.caseReference} moved to ${STAGE_LABELS[item.toStage]}.`
            : `Approval on ${item.caseReference} recorded; more approvals are needed.`,
      );
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <li className="card approval" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        <Link to={`/situations/${item.caseId}`}>
          {item.caseReference}: <VisibleText text={item.caseTitle} />
        </Link>
      </h2>
      <dl className="details details--compact">
        <dt>Move</dt>
        <dd>
          {STAGE_LABELS[item.fromStage]} → {STAGE_LABELS[item.toStage]}
        </dd>
        <dt>Proposed by</dt>
        <dd>{item.proposedBy.displayName}</dd>
        <dt>Justification</dt>
        <dd className="prewrap">{item.justification}</dd>
        <dt>Approvals</dt>
        <dd>
          {item.approvals.length} of {item.approvalsRequired}
          {item.approvals.length > 0 ? `: ${approversInWords(item.approvals)}` : ''}
        </dd>
        <dt>Waiting</dt>
        <dd>waiting {durationInWords(item.waitingSeconds)}</dd>
      </dl>
      <FormAlert message={error} />
      {item.canApprove ? (
        <div className="approval__decision">
          <div className="field">
            <label htmlFor={noteId} className="field__label">
              Note (optional)
            </label>
            <textarea
              id={noteId}
              className="input textarea"
              rows={2}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="form__actions form__actions--start">
            <button
              type="button"
              className="button button--primary"
              disabled={decide.isPending}
              aria-describedby={headingId}
              onClick={() => void act('approve')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button"
              disabled={decide.isPending}
              aria-describedby={headingId}
              onClick={() => void act('reject')}
            >
              Reject
            </button>
          </div>
        </div>
      ) : own ? (
        <p className="muted">Your own proposal</p>
      ) : approvedByMe ? (
        <p className="muted">You approved this</p>
      ) : (
        <p className="muted">You cannot decide on this proposal.</p>
      )}
    </li>
  );
}
