import { useState } from 'react';
import { FormAlert } from '../../../components/form-alert';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { EndorsementCounts } from '../../framework-team/components/endorsement-counts';
import {
  useCaseEndorsements,
  useSetPriority,
} from '../../framework-team/hooks/use-priority-situations';

interface PrioritySharingProps {
  caseId: string;
  shared: boolean;
  /** The user's abilities allow sharing this case (advisers). */
  canShare: boolean;
  onDone: (message: string) => void;
}

/** The Framework Team card of a case: the sharing switch (advisers) and the endorsements. */
export function PrioritySharing({ caseId, shared, canShare, onDone }: PrioritySharingProps) {
  const setPriority = useSetPriority(caseId);
  const endorsements = useCaseEndorsements(caseId, shared);
  const [error, setError] = useState<string | null>(null);

  const toggle = () => {
    setError(null);
    setPriority.mutate(!shared, {
      onSuccess: () =>
        onDone(
          shared
            ? 'The situation is no longer shared with the Framework Team.'
            : 'The situation is now shared with the Framework Team as a priority situation.',
        ),
      onError: (caught) => setError(errorMessage(caught)),
    });
  };

  return (
    <section className="card" aria-labelledby="framework-team-title">
      <h2 id="framework-team-title" className="card__title">
        Framework Team
      </h2>
      {canShare ? (
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            // Shows the requested state while the server applies it.
            checked={setPriority.isPending ? setPriority.variables : shared}
            disabled={setPriority.isPending}
            onChange={toggle}
          />{' '}
          Share with the Framework Team
        </label>
      ) : null}
      <p className="muted">
        {shared
          ? 'Shared as a priority situation: the Framework Team reads its restricted view (no sources, items, drafts or internal thread).'
          : 'Not shared with the Framework Team.'}
      </p>
      <FormAlert message={error} />
      {shared ? (
        <>
          <h3 className="card__subtitle">Endorsements</h3>
          {endorsements.isPending ? (
            <LoadingIndicator label="Loading endorsements…" />
          ) : endorsements.isError ? (
            <QueryError error={endorsements.error} onRetry={() => void endorsements.refetch()} />
          ) : (
            <>
              <EndorsementCounts
                total={endorsements.data.total}
                byOrganisation={endorsements.data.byOrganisation}
              />
              {endorsements.data.items.length > 0 ? (
                <ul className="endorsements" aria-label="Endorsements">
                  {endorsements.data.items.map((e) => (
                    <li key={e.userId} className="endorsement">
                      <strong>{e.displayName}</strong>{' '}
                      <abbr title={e.organisation.name}>{e.organisation.acronym}</abbr>{' '}
                      <time className="muted" dateTime={e.updatedAt}>
                        {formatDateTime(e.updatedAt)}
                      </time>
                      {e.note ? (
                        <blockquote className="endorsement__note">{e.note}</blockquote>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
