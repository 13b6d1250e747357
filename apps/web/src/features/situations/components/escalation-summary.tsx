import type { Escalation } from '../api/cases-api';
import { STAGE_LABELS, durationInWords } from './stage';

/** Who proposed which move, why, and how many approvals it has. */
export function EscalationSummary({ escalation }: { escalation: Escalation }) {
  return (
    <dl className="details details--compact">
      <dt>Move</dt>
      <dd>
        {STAGE_LABELS[escalation.fromStage]} → {STAGE_LABELS[escalation.toStage]}
      </dd>
      <dt>Proposed by</dt>
      <dd>
        {escalation.proposedBy.displayName} (waiting {durationInWords(escalation.waitingSeconds)})
      </dd>
      <dt>Justification</dt>
      <dd className="prewrap">{escalation.justification}</dd>
      <dt>Approvals</dt>
      <dd>
        {escalation.approvals.length} of {escalation.approvalsRequired}
        {escalation.approvals.length > 0
          ? ` (${escalation.approvals.map((a) => a.displayName).join(', ')})`
          : ''}
      </dd>
    </dl>
  );
}
