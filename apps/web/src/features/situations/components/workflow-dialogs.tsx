import { useState, type FormEvent } from 'react';
import type { Stage } from '@vigil/domain';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { STAGE_LABELS } from './stage';

interface ProposeDialogProps {
  currentStage: Stage;
  stages: Stage[];
  onClose: () => void;
  onSubmit: (toStage: Stage, justification: string) => Promise<void>;
}

function targetLabel(stage: Stage): string {
  return stage === 'closed' ? 'Closed (close the situation)' : STAGE_LABELS[stage];
}

/** "Propose a move": target stage (only the allowed ones) and a required justification. */
export function ProposeDialog({ currentStage, stages, onClose, onSubmit }: ProposeDialogProps) {
  const [toStage, setToStage] = useState<Stage | ''>(stages.length === 1 ? (stages[0] ?? '') : '');
  const [justification, setJustification] = useState('');
  const form = useFormSubmit((stage: Stage) => onSubmit(stage, justification.trim()));
  const ready = toStage !== '' && justification.trim() !== '' && !form.busy;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (toStage !== '' && ready) void form.submit(event, toStage);
  };

  return (
    <Dialog
      title="Propose a move"
      description={`Now at ${STAGE_LABELS[currentStage]}. An adviser must approve the move before it takes effect.`}
      onClose={onClose}
    >
      <form className="form" onSubmit={submit} aria-busy={form.busy}>
        <FormAlert message={form.formError} />
        <SelectField
          label="Target stage"
          value={toStage}
          required
          onChange={(e) => setToStage(e.target.value as Stage | '')}
        >
          <option value="">Choose a stage…</option>
          {stages.map((stage) => (
            <option key={stage} value={stage}>
              {targetLabel(stage)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label="Justification"
          hint="Why the situation should move; the approvers read this."
          required
          rows={6}
          maxLength={5000}
          value={justification}
          onChange={(e) => setJustification(e.target.value)}
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!ready}>
            Send proposal
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface NoteDialogProps {
  title: string;
  description: string;
  label: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: (note: string) => Promise<void>;
}

/** A dialog with one required note (record review, reopen). */
export function NoteDialog({
  title,
  description,
  label,
  submitLabel,
  onClose,
  onSubmit,
}: NoteDialogProps) {
  const [note, setNote] = useState('');
  const form = useFormSubmit(() => onSubmit(note.trim()));
  const ready = note.trim() !== '' && !form.busy;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ready) void form.submit(event);
  };

  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form className="form" onSubmit={submit} aria-busy={form.busy}>
        <FormAlert message={form.formError} />
        <TextAreaField
          label={label}
          required
          rows={5}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!ready}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
