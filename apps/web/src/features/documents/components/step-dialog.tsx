import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';

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
  const form = useFormSubmit(() => onConfirm({ note: note.trim(), recipient: to.trim() }), {
    validate: () => {
      const errors: FieldErrors = {};
      if (recipient && !to.trim()) errors['recipient'] = 'Enter to whom it is transmitted.';
      if (noteRequired && !note.trim()) errors['note'] = 'Say what needs changing.';
      return errors;
    },
    invalidMessage: 'Please correct the highlighted field.',
    focus: 'none',
  });

  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void form.submit(e)} aria-busy={form.busy}>
        <FormAlert message={form.formError} />
        {recipient ? (
          <TextField
            label="Recipient"
            name="recipient"
            required
            maxLength={200}
            value={to}
            error={form.fieldError('recipient')}
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
            error={form.fieldError('note') ?? form.fieldError('reason')}
            onChange={(e) => setNote(e.target.value)}
          />
        ) : null}
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
