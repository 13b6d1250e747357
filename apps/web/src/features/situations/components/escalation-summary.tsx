import type { Escalation } from '../api/cases-api';
import { STAGE_LABELS, durationInWords } from './stage';

/**
 * Each approver by name and account: two people may share a display name (in different
 * organisations), and two approvals must be told apart by whoever reads them.
 */
export function approversInWords(approvals: Escalation['approvals']): string {
  return approvals.map((a) => `${a.displayName} (${a.email})`).join(', ');
}

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
        {escalation.approvals.length > 0 ? `: ${approversInWords(escalation.approvals)}` : ''}
      </dd>
    </dl>
  );
}
