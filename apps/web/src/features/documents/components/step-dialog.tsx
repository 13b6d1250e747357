import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';

/** What a step asks for besides confirmation. */
export interface StepFields {
  /** Label of the free-text field ("Note", "Reason"), if any. */
  noteLabel?: string;
  /** The note must be given (returning says why). */
  noteRequired?: boolean;
  /** Ask for the recipient (required): transmit. */
  recipient?: boolean;
}

interface StepDialogProps extends StepFields {
  title: string;
  description?: string;
  confirmLabel: string;
  onClose: () => void;
  onConfirm: (values: { note: string; recipient: string }) => Promise<void>;
}

/** Confirms a document step with an optional note and, for transmission, the recipient. */
export function StepDialog(props: StepDialogProps) {
  const { title, description, confirmLabel, noteLabel, noteRequired, recipient } = props;
  const { onClose, onConfirm } = props;
  const [note, setNote] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const clientErrors: Record<string, string> = {};
    if (recipient && !to.trim()) clientErrors['recipient'] = 'Enter to whom it is transmitted.';
    if (noteRequired && !note.trim()) clientErrors['note'] = 'Say what needs changing.';
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      setFormError('Please correct the highlighted field.');
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      await onConfirm({ note: note.trim(), recipient: to.trim() });
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      setFormError(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <FormAlert message={formError} />
        {recipient ? (
          <TextField
            label="Recipient"
            name="recipient"
            required
            maxLength={200}
            value={to}
            error={errors['recipient']}
            hint="For example: Executive Office of the Secretary-General"
            onChange={(e) => setTo(e.target.value)}
          />
        ) : null}
        {noteLabel ? (
          <TextAreaField
            label={noteLabel}
            name="note"
            required={noteRequired}
            rows={3}
            maxLength={2000}
            value={note}
            error={errors['note'] ?? errors['reason']}
            onChange={(e) => setNote(e.target.value)}
          />
        ) : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
