import { useId, useState } from 'react';
import type { Stage } from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { Decision, Workflow } from '../api/cases-api';
import { useWorkflowAction } from '../hooks/use-case-actions';
import { useEscalation } from '../hooks/use-cases';
import { EscalationSummary } from './escalation-summary';
import { STAGE_LABELS, StageBadge } from './stage';
import { NoteDialog, ProposeDialog } from './workflow-dialogs';

type OpenDialog = 'propose' | 'review' | 'reopen' | null;

interface WorkflowPanelProps {
  caseId: string;
  workflow: Workflow;
  onDone: (message: string) => void;
}

/** Stage, the pending proposal, and buttons for exactly the events the server allows now. */
export function WorkflowPanel({ caseId, workflow, onDone }: WorkflowPanelProps) {
  const user = useCurrentUser();
  const action = useWorkflowAction(caseId);
  const escalation = useEscalation(workflow.pendingEscalationId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [decisionNote, setDecisionNote] = useState('');
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const noteId = useId();
  const allowed = new Set(workflow.allowedEvents);
  const pending = workflow.subState === 'pending';
  const canPropose =
    (allowed.has('PROPOSE') || allowed.has('CLOSE')) && workflow.proposableStages.length > 0;
  const canDecide = allowed.has('APPROVE') || allowed.has('REJECT');
  const pendingProposal = escalation.data?.status === 'pending' ? escalation.data : null;

  const decide = async (decision: Decision) => {
    if (!workflow.pendingEscalationId) return;
    setDecisionError(null);
    try {
      await action.mutateAsync({
        kind: 'decide',
        escalationId: workflow.pendingEscalationId,
        decision,
        note: decisionNote,
      });
      setDecisionNote('');
      onDone(
        decision === 'approve'
          ? 'Approval recorded.'
          : decision === 'reject'
            ? 'Proposal rejected.'
            : 'Proposal withdrawn.',
      );
    } catch (caught) {
      setDecisionError(errorMessage(caught));
    }
  };

  return (
    <section className="card workflow-panel" aria-labelledby="workflow-title">
      <h2 id="workflow-title" className="card__title">
        Workflow
      </h2>
      <p>
        Stage: <StageBadge stage={workflow.stage} pending={pending} />
      </p>

      {pending ? (
        <div className="workflow-panel__pending">
          <h3>Pending proposal</h3>
          {escalation.isPending ? (
            <LoadingIndicator label="Loading the proposal…" />
          ) : escalation.isError ? (
            <QueryError error={escalation.error} onRetry={() => void escalation.refetch()} />
          ) : pendingProposal ? (
            <>
              <EscalationSummary escalation={pendingProposal} />
              {!canDecide && pendingProposal.proposedBy.id === user.id ? (
                <p className="muted">Your own proposal: another adviser must approve it.</p>
              ) : null}
              {!canDecide && pendingProposal.approvals.some((a) => a.userId === user.id) ? (
                <p className="muted">You approved this.</p>
              ) : null}
            </>
          ) : null}
        </div>
      ) : null}

      <FormAlert message={decisionError} />
      {canDecide ? (
        <div className="field">
          <label htmlFor={noteId} className="field__label">
            Decision note (optional)
          </label>
          <textarea
            id={noteId}
            className="input textarea"
            rows={3}
            maxLength={5000}
            value={decisionNote}
            onChange={(e) => setDecisionNote(e.target.value)}
          />
        </div>
      ) : null}

      <div className="workflow-panel__actions">
        {canPropose ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setDialog('propose')}
          >
            Propose a move
          </button>
        ) : null}
        {allowed.has('APPROVE') ? (
          <button
            type="button"
            className="button button--primary"
            disabled={action.isPending}
            onClick={() => void decide('approve')}
          >
            Approve
          </button>
        ) : null}
        {allowed.has('REJECT') ? (
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() => void decide('reject')}
          >
            Reject
          </button>
        ) : null}
        {allowed.has('WITHDRAW') ? (
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() => void decide('withdraw')}
          >
            Withdraw
          </button>
        ) : null}
        {allowed.has('RECORD_REVIEW') ? (
          <button type="button" className="button" onClick={() => setDialog('review')}>
            Record review
          </button>
        ) : null}
        {allowed.has('REOPEN') ? (
          <button type="button" className="button" onClick={() => setDialog('reopen')}>
            Reopen
          </button>
        ) : null}
      </div>
      {workflow.allowedEvents.length === 0 ? (
        <p className="muted">There is nothing you can do on this situation's workflow now.</p>
      ) : null}

      {dialog === 'propose' ? (
        <ProposeDialog
          currentStage={workflow.stage}
          stages={workflow.proposableStages}
          onClose={() => setDialog(null)}
          onSubmit={async (toStage: Stage, justification: string) => {
            await action.mutateAsync({ kind: 'propose', toStage, justification });
            setDialog(null);
            onDone(
              toStage === 'closed'
                ? 'Proposal to close sent; it is awaiting approval.'
                : `Proposal to move to ${STAGE_LABELS[toStage]} sent; it is awaiting approval.`,
            );
          }}
        />
      ) : null}
      {dialog === 'review' ? (
        <NoteDialog
          title="Record review"
          description="Record what the periodic review found. The next review date is reset."
          label="Review note"
          submitLabel="Record review"
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await action.mutateAsync({ kind: 'review', note });
            setDialog(null);
            onDone('Review recorded.');
          }}
        />
      ) : null}
      {dialog === 'reopen' ? (
        <NoteDialog
          title="Reopen situation"
          description="Reopening makes the situation active again."
          label="Reason for reopening"
          submitLabel="Reopen"
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await action.mutateAsync({ kind: 'reopen', note });
            setDialog(null);
            onDone('Situation reopened.');
          }}
        />
      ) : null}
    </section>
  );
}
