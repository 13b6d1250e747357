import { useState } from 'react';
import { useNavigate } from 'react-router';
import { isEditableStatus } from '@vigil/domain';
import type { DocumentStep, DraftDocument } from '../api/documents-api';
import { useDocumentActions } from '../hooks/use-documents';
import { StepDialog, type StepFields } from './step-dialog';

type ActionId = 'save' | DocumentStep;

interface ActionSpec extends StepFields {
  button: string;
  title: string;
  description: string;
  confirm: string;
  done: string;
}

const ACTIONS: Record<ActionId, ActionSpec> = {
  save: {
    button: 'Save version',
    title: 'Save a version',
    description: 'Freezes the text as it is now, with its hash.',
    confirm: 'Save version',
    done: 'Version saved.',
  },
  submit: {
    button: 'Submit for review',
    title: 'Submit for review',
    description: 'Freezes the text and asks an adviser to review it.',
    confirm: 'Submit',
    noteLabel: 'Note (optional)',
    done: 'Submitted for review.',
  },
  approve: {
    button: 'Approve',
    title: 'Approve the document',
    description: 'The approved text can no longer be edited.',
    confirm: 'Approve',
    noteLabel: 'Note (optional)',
    done: 'Approved.',
  },
  return: {
    button: 'Return',
    title: 'Return for more drafting',
    description: 'The document goes back to drafting.',
    confirm: 'Return',
    noteLabel: 'What needs changing',
    noteRequired: true,
    done: 'Returned for drafting.',
  },
  transmit: {
    button: 'Transmit',
    title: 'Transmit the document',
    description: 'Records the recipient and freezes the text for good; its hash proves it later.',
    confirm: 'Transmit',
    noteLabel: 'Note (optional)',
    recipient: true,
    done: 'Transmitted.',
  },
};

interface DocumentActionsProps {
  doc: DraftDocument;
  canDraft: boolean;
  canApprove: boolean;
  /** Waits until the server holds every local edit. */
  beforeFreeze: () => Promise<void>;
  onDone: (message: string) => void;
}

/** Which steps this person may take now: the server's list, saving while the text may change. */
function available(doc: DraftDocument, canDraft: boolean, canApprove: boolean): ActionId[] {
  const steps = doc.allowedTransitions.filter((step) =>
    step === 'submit' ? canDraft : canApprove,
  );
  return [...(canDraft && isEditableStatus(doc.status) ? (['save'] as const) : []), ...steps];
}

/** Save version and the review steps (by ability and status), and a new revision once sent. */
export function DocumentActions({
  doc,
  canDraft,
  canApprove,
  beforeFreeze,
  onDone,
}: DocumentActionsProps) {
  const navigate = useNavigate();
  const { save, step, revise } = useDocumentActions(doc.id, doc.caseId, beforeFreeze);
  const [open, setOpen] = useState<ActionId | null>(null);
  const [reviseError, setReviseError] = useState<string | null>(null);
  const actions = available(doc, canDraft, canApprove);
  const spec = open ? ACTIONS[open] : null;

  const confirm = async (values: { note: string; recipient: string }) => {
    if (!open) return;
    if (open === 'save') await save.mutateAsync();
    else
      await step.mutateAsync({
        step: open,
        version: doc.version,
        note: values.note || undefined,
        recipient: open === 'transmit' ? values.recipient : undefined,
      });
    onDone(ACTIONS[open].done);
    setOpen(null);
  };

  const newRevision = async () => {
    setReviseError(null);
    try {
      const created = await revise.mutateAsync();
      void navigate(`/situations/${created.caseId}/documents/${created.id}`, {
        state: { announcement: 'A new revision was created.' },
      });
    } catch (error) {
      setReviseError(error instanceof Error ? error.message : 'Could not create a revision.');
    }
  };

  const revisable = doc.status === 'transmitted' && canDraft && doc.revisionId === null;
  // Steps kept for another adviser (four eyes): shown disabled, with the reason beside them.
  const blocked = canApprove ? doc.needsAnotherAdviser : [];
  if (actions.length === 0 && !revisable && blocked.length === 0) return null;
  return (
    <div className="doc-actions" role="group" aria-label="Document actions">
      {actions.map((id) => (
        <button
          key={id}
          type="button"
          className={`button${id === 'save' || id === 'return' ? '' : ' button--primary'}`}
          onClick={() => setOpen(id)}
        >
          {ACTIONS[id].button}
        </button>
      ))}
      {blocked.map(({ transition, reason }) => (
        <span key={transition} className="doc-actions__blocked">
          <button
            type="button"
            className="button"
            disabled
            aria-describedby={`four-eyes-${transition}`}
          >
            {ACTIONS[transition].button}
          </button>
          <span id={`four-eyes-${transition}`} className="doc-actions__why">
            {reason}
          </span>
        </span>
      ))}
      {revisable ? (
        <button
          type="button"
          className="button button--primary"
          disabled={revise.isPending}
          onClick={() => void newRevision()}
        >
          New revision
        </button>
      ) : null}
      {reviseError ? (
        <p role="alert" className="field__error">
          {reviseError}
        </p>
      ) : null}
      {spec ? (
        <StepDialog
          title={spec.title}
          description={spec.description}
          confirmLabel={spec.confirm}
          noteLabel={spec.noteLabel}
          recipient={spec.recipient}
          noteRequired={spec.noteRequired}
          onClose={() => setOpen(null)}
          onConfirm={confirm}
        />
      ) : null}
    </div>
  );
}
