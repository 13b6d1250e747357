import { useEffect, useState } from 'react';
import { subject } from '@casl/ability';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { useAbility } from '../../../lib/ability';
import { ApiError } from '../../../lib/api-client';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CaseAssessments } from '../../assessments/components/case-assessments';
import type { Thread } from '../../comments/api/comments-api';
import { CommentPanel } from '../../comments/components/comment-panel';
import { CaseDocuments } from '../../documents/components/case-documents';
import { useDraftingAbilities } from '../../documents/hooks/use-document-abilities';
import { EngagementsLog } from '../../engagements/components/engagements-log';
import { RecommendationsRegister } from '../../recommendations/components/recommendations-register';
import { AccessLost } from '../../realtime/components/access-lost';
import { PresenceAvatars } from '../../realtime/components/presence-avatars';
import { useCaseRoom } from '../../realtime/hooks/use-case-room';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useCase, useCaseEvents, useCaseMembers, useWorkflow } from '../hooks/use-cases';
import { CaseMembers } from './case-members';
import { PrioritySharing } from './priority-sharing';
import { ReclassifyDialog } from './reclassify-dialog';
import { NextReview, OverdueFollowUps, StageBadge, riskText } from './stage';
import { SummaryEditor } from './summary-editor';
import { Timeline } from './timeline';
import { WorkflowPanel } from './workflow-panel';
import { VisibleText } from '../../../components/visible-text';

const OFFICE_THREADS: Thread[] = ['internal', 'framework_team'];

/**
 * `/situations/:id`: header, summary, workflow, members, discussion and timeline of one
 * situation, kept live through the case's room (who is here, what changed).
 */
export function CasePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const initialAnnouncement =
    typeof location.state === 'object' &&
    location.state !== null &&
    'announcement' in location.state &&
    typeof location.state.announcement === 'string'
      ? location.state.announcement
      : '';
  const [announcement, setAnnouncement] = useState(initialAnnouncement);
  const [reclassifying, setReclassifying] = useState(false);
  const navigate = useNavigate();
  // Shown once: a reload should not announce the creation again.
  useEffect(() => {
    if (initialAnnouncement) void navigate('.', { replace: true, state: null });
  }, [initialAnnouncement, navigate]);
  const ability = useAbility();
  const room = useCaseRoom(id);
  const item = useCase(id);
  const members = useCaseMembers(id);
  const workflow = useWorkflow(id);
  const events = useCaseEvents(id);
  const { canDraft, canApprove } = useDraftingAbilities(item.data, members.data);
  useDocumentTitle(item.data ? `${item.data.reference}: ${item.data.title}` : 'Situation');

  if (room.removed) return <AccessLost backTo="/situations" backLabel="← Situations" />;
  if (item.isPending) return <LoadingIndicator label="Loading the situation…" />;
  if (item.isError) {
    if (item.error instanceof ApiError && [400, 403, 404].includes(item.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const data = item.data;
  const memberIds = members.data?.map((m) => m.userId) ?? [];
  const asSubject = subject('Case', {
    id: data.id,
    classification: data.classification,
    leadAnalystId: data.leadAnalystId,
    memberIds,
    prioritySituation: data.prioritySituation,
  });
  const canEdit = ability.can('update', asSubject);
  const canManageMembers = ability.can('manageMembers', asSubject);
  const canShare = ability.can('share', asSubject);
  const canReclassify = ability.can('reclassify', asSubject);
  const pending = data.subState === 'pending';

  return (
    <article className="page" aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/situations">← Situations</Link>
      </p>
      <header className="case-header">
        <PresenceAvatars users={room.presence} />
        <p className="case-header__reference">{data.reference}</p>
        <h1 id="case-title">
          <VisibleText text={data.title} />
        </h1>
        <dl className="details case-header__facts">
          <dt>Country</dt>
          <dd>{data.countryName}</dd>
          <dt>Stage</dt>
          <dd data-testid="case-stage">
            <StageBadge stage={data.stage} pending={pending} />
          </dd>
          <dt>Risk</dt>
          <dd>{riskText(data)}</dd>
          <dt>Next review</dt>
          <dd>
            <NextReview item={data} />
          </dd>
          <dt>Follow-ups</dt>
          <dd>
            <OverdueFollowUps item={data} />
          </dd>
          <dt>Lead analyst</dt>
          <dd>{data.leadAnalyst?.displayName ?? 'None'}</dd>
          <dt>Classification</dt>
          <dd>
            {CLEARANCE_LABELS[data.classification]}
            {canReclassify ? (
              <button
                type="button"
                className="button button--small button--ghost case-header__change"
                onClick={() => setReclassifying(true)}
              >
                Change
              </button>
            ) : null}
          </dd>
          {data.prioritySituation ? (
            <>
              <dt>Priority</dt>
              <dd>Priority situation (shared with the Framework Team)</dd>
            </>
          ) : null}
        </dl>
      </header>
      <p role="status" className="page__status">
        {announcement}
      </p>
      {reclassifying ? (
        <ReclassifyDialog
          item={data}
          onClose={() => setReclassifying(false)}
          onSaved={setAnnouncement}
        />
      ) : null}

      <div className="case-layout">
        <div className="case-layout__main">
          <SummaryEditor
            key={data.id}
            item={data}
            canEdit={canEdit}
            onReload={async () => (await item.refetch()).data}
            onSaved={setAnnouncement}
          />
          <CaseAssessments caseItem={data} members={members.data} />
          <CaseDocuments caseId={data.id} canDraft={canDraft} />
          <RecommendationsRegister
            caseId={data.id}
            canDraft={canDraft}
            canApprove={canApprove}
            onDone={setAnnouncement}
          />
          <EngagementsLog caseId={data.id} canDraft={canDraft} onDone={setAnnouncement} />
          <CommentPanel caseId={data.id} threads={OFFICE_THREADS} />
          <section className="card" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="card__title">
              Timeline
            </h2>
            {events.isPending ? (
              <LoadingIndicator label="Loading the timeline…" />
            ) : events.isError ? (
              <QueryError error={events.error} onRetry={() => void events.refetch()} />
            ) : (
              <Timeline events={events.data} />
            )}
          </section>
        </div>
        <div className="case-layout__side">
          {workflow.isPending ? (
            <LoadingIndicator label="Loading the workflow…" />
          ) : workflow.isError ? (
            <QueryError error={workflow.error} onRetry={() => void workflow.refetch()} />
          ) : (
            <WorkflowPanel caseId={data.id} workflow={workflow.data} onDone={setAnnouncement} />
          )}
          <CaseMembers caseId={data.id} canManage={canManageMembers} onDone={setAnnouncement} />
          <PrioritySharing
            caseId={data.id}
            shared={data.prioritySituation}
            canShare={canShare}
            onDone={setAnnouncement}
          />
        </div>
      </div>
    </article>
  );
}
