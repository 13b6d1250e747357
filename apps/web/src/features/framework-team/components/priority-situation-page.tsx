import { Link, useParams } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CommentPanel } from '../../comments/components/comment-panel';
import { AccessLost } from '../../realtime/components/access-lost';
import { PresenceAvatars } from '../../realtime/components/presence-avatars';
import { useCaseRoom } from '../../realtime/hooks/use-case-room';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { usePrioritySituation } from '../hooks/use-priority-situations';
import { EndorsementCounts } from './endorsement-counts';
import { EndorsementForm } from './endorsement-form';
import { RestrictedView } from './restricted-view';

const FRAMEWORK_TEAM_THREAD = ['framework_team' as const];

/** `/framework-team/:id`: the restricted view, the Framework Team thread and the endorsement. */
export function PrioritySituationPage() {
  const { id = '' } = useParams();
  const room = useCaseRoom(id);
  const situation = usePrioritySituation(id);
  const data = situation.data;
  useDocumentTitle(data ? `${data.reference}: ${data.title}` : 'Priority situation');

  if (room.removed)
    return <AccessLost backTo="/framework-team" backLabel="← Priority situations" />;
  if (situation.isPending) return <LoadingIndicator label="Loading the situation…" />;
  if (situation.isError) {
    if (situation.error instanceof ApiError && [400, 403, 404].includes(situation.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={situation.error} onRetry={() => void situation.refetch()} />;
  }
  const view = situation.data;

  return (
    <article className="page" aria-labelledby="situation-title">
      <p className="breadcrumb">
        <Link to="/framework-team">← Priority situations</Link>
      </p>
      <RestrictedView situation={view}>
        <PresenceAvatars users={room.presence} />
      </RestrictedView>
      <div className="case-layout">
        <div className="case-layout__main">
          <CommentPanel caseId={view.id} threads={FRAMEWORK_TEAM_THREAD} />
        </div>
        <div className="case-layout__side">
          <section className="card" aria-labelledby="endorsements-title">
            <h2 id="endorsements-title" className="card__title">
              Endorsements
            </h2>
            <EndorsementCounts
              total={view.endorsements.total}
              byOrganisation={view.endorsements.byOrganisation}
            />
          </section>
          <EndorsementForm situation={view} />
        </div>
      </div>
    </article>
  );
}
