import { isRiskLevel, isStage, RISK_LEVEL_LABELS, type Stage } from '@vigil/domain';
import { formatDateTime } from '../../../lib/format';
import type { CaseEvent } from '../api/cases-api';
import { useEscalation } from '../hooks/use-cases';
import { draftingEventWords } from './drafting-event-words';
import { STAGE_LABELS, timeAgo } from './stage';

const stageName = (stage: Stage | null | undefined) =>
  stage ? STAGE_LABELS[stage].toLowerCase() : 'another stage';

const ORDER: Stage[] = ['monitoring', 'alert', 'recommendation', 'mobilisation'];

/** Words for a proposal to move from `from` to `target`. */
export function proposalWords(from: Stage | null, target: Stage | null): string {
  if (target === 'closed') return 'proposed closing the situation';
  if (!target) return 'proposed a move';
  const up = from && from !== 'closed' ? ORDER.indexOf(target) > ORDER.indexOf(from) : true;
  return `proposed ${up ? 'escalation' : 'de-escalation'} to ${stageName(target)}`;
}

/** What happened, in words: "opened the situation" (proposals are worded by `ProposalText`). */
export function describeEvent(event: CaseEvent): string {
  switch (event.type) {
    case 'case.created':
      return 'opened the situation';
    case 'case.updated': {
      const fields = event.payload['fields'];
      const names = Array.isArray(fields) ? fields.filter((f) => typeof f === 'string') : [];
      return names.length > 0 ? `edited the ${names.join(', ')}` : 'edited the situation';
    }
    case 'case.reclassified': {
      const to = event.payload['to'];
      return typeof to === 'string'
        ? `reclassified the situation ${to.replace(/_/g, ' ')}`
        : 'reclassified the situation';
    }
    case 'case.member_added':
      return 'added a member';
    case 'case.member_removed':
      return 'removed a member';
    case 'escalation.proposed':
      return 'proposed a move';
    case 'escalation.approval_recorded':
      return 'approved the proposal (more approvals needed)';
    case 'escalation.rejected':
      return 'rejected the proposal';
    case 'escalation.withdrawn':
      return 'withdrew the proposal';
    case 'case.reviewed':
      return 'recorded a review';
    case 'case.transitioned':
      if (event.fromStage === 'closed')
        return `reopened the situation at ${stageName(event.toStage)}`;
      return `approved the move from ${stageName(event.fromStage)} to ${stageName(event.toStage)}`;
    case 'assessment.created':
      return typeof event.payload['supersedesId'] === 'string'
        ? 'began a revision of a risk assessment'
        : `drafted a risk assessment${periodWords(event)}`;
    case 'assessment.updated':
      return `edited a risk assessment draft${periodWords(event)}`;
    case 'assessment.finalised': {
      const level = event.payload['overallLevel'];
      return `finalised the risk assessment${periodWords(event)}${
        isRiskLevel(level) ? `: ${RISK_LEVEL_LABELS[level]} risk` : ''
      }`;
    }
    case 'information.linked':
      return 'linked an information item';
    case 'comment.created':
      return event.payload['parentId']
        ? `replied in the ${threadWords(event)}`
        : `commented in the ${threadWords(event)}`;
    case 'comment.edited':
      return `edited a comment in the ${threadWords(event)}`;
    case 'comment.deleted':
      return `deleted a comment in the ${threadWords(event)}`;
    case 'case.priority_changed':
      return event.payload['shared'] === false
        ? 'stopped sharing the situation with the Framework Team'
        : 'shared the situation with the Framework Team as a priority situation';
    case 'endorsement.saved':
      return 'endorsed the situation (Framework Team)';
    case 'endorsement.withdrawn':
    case 'endorsement.deleted':
      return 'withdrew an endorsement (Framework Team)';
    default:
      return draftingEventWords(event.type) ?? event.type;
  }
}

function threadWords(event: CaseEvent): string {
  return event.payload['thread'] === 'framework_team' ? 'Framework Team thread' : 'internal thread';
}

function periodWords(event: CaseEvent): string {
  const period = event.payload['period'];
  return typeof period === 'string' ? ` for ${period}` : '';
}

/** The timeline keeps only the proposal id: its target comes from the proposal itself. */
function ProposalText({ event }: { event: CaseEvent }) {
  const proposalId = event.payload['proposalId'];
  const proposal = useEscalation(typeof proposalId === 'string' ? proposalId : null);
  const target = proposal.data && isStage(proposal.data.toStage) ? proposal.data.toStage : null;
  return <>{proposalWords(event.fromStage, target)}</>;
}

/** The case history, newest first. */
export function Timeline({ events }: { events: CaseEvent[] }) {
  const newestFirst = [...events].reverse();
  const now = Date.now();
  if (newestFirst.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline, newest first">
      {newestFirst.map((event) => {
        const note = event.payload['note'];
        return (
          <li key={event.seq} className="timeline__item">
            <p className="timeline__what">
              <strong>{event.actorName ?? 'The system'}</strong>{' '}
              {event.type === 'escalation.proposed' ? (
                <ProposalText event={event} />
              ) : (
                describeEvent(event)
              )}
            </p>
            <p className="timeline__when muted">
              <time dateTime={event.at}>{formatDateTime(event.at)}</time> ({timeAgo(event.at, now)})
            </p>
            {typeof note === 'string' && note ? (
              <blockquote className="timeline__note">{note}</blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
