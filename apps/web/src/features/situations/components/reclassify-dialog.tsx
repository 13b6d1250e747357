import { readableClassifications, type Classification } from '@vigil/domain';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useFormSubmit } from '../../../lib/use-form-submit';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { Case } from '../api/cases-api';
import { useUpdateCase } from '../hooks/use-case-actions';
import { CONFLICT_MESSAGE } from './summary-editor';

interface ReclassifyDialogProps {
  item: Case;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/**
 * "Change classification" (advisers cleared for the current and the new level): deciding who may
 * read the situation, so the dialog says what follows before anything is sent.
 */
export function ReclassifyDialog({ item, onClose, onSaved }: ReclassifyDialogProps) {
  const user = useCurrentUser();
  const update = useUpdateCase(item.id);
  const levels = readableClassifications(user.clearance);
  const [level, setLevel] = useState<Classification>(item.classification);
  const unchanged = level === item.classification;
  const form = useFormSubmit(
    async () => {
      await update.mutateAsync({ version: item.version, classification: level });
      onSaved(`Classification changed to ${CLEARANCE_LABELS[level]}.`);
      onClose();
    },
    {
      toFormError: (caught) =>
        caught instanceof ApiError && caught.statusCode === 409
          ? CONFLICT_MESSAGE
          : errorMessage(caught),
      focus: 'none',
    },
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!unchanged) void form.submit(event);
  };

  return (
    <Dialog
      title="Change classification"
      onClose={onClose}
      description="Who may read this situation changes at once: anyone not cleared for the new level, members included, loses access to it, its documents and its discussion, also on pages they have open. Unclassified situations are open to every analyst."
    >
      <form className="form" noValidate onSubmit={submit} aria-busy={form.busy}>
        <FormAlert message={form.formError} />
        <SelectField
          label="Classification"
          name="classification"
          value={level}
          onChange={(e) => setLevel(e.target.value as Classification)}
        >
          {levels.map((option) => (
            <option key={option} value={option}>
              {CLEARANCE_LABELS[option]}
              {option === item.classification ? ' (current)' : ''}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            disabled={form.busy || unchanged}
            title={unchanged ? 'Choose a different level first.' : undefined}
          >
            Change classification
          </button>
        </div>
      </form>
    </Dialog>
  );
}
