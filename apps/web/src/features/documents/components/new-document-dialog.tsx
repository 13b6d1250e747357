import { useState, type FormEvent } from 'react';
import { DOCUMENT_KINDS } from '@vigil/domain';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import type { DocumentKind, DraftDocument } from '../api/documents-api';
import { useCreateDocument } from '../hooks/use-documents';
import { DOCUMENT_KIND_LABELS } from './document-labels';

interface NewDocumentDialogProps {
  caseId: string;
  onClose: () => void;
  onCreated: (created: DraftDocument) => void;
}

/** "New document": kind and title → `POST /api/cases/:id/documents`. */
export function NewDocumentDialog({ caseId, onClose, onCreated }: NewDocumentDialogProps) {
  const create = useCreateDocument(caseId);
  const [kind, setKind] = useState<DocumentKind>('early_warning_note');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    if (!title.trim()) {
      setErrors({ title: 'Enter a title.' });
      setFormError('Please correct the highlighted field.');
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      onCreated(await create.mutateAsync({ kind, title: title.trim() }));
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      setFormError(errorMessage(error));
    }
  };

  return (
    <Dialog title="New document" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        aria-busy={create.isPending}
      >
        <FormAlert message={formError} />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          error={errors['kind']}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          error={errors['title']}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create document
          </button>
        </div>
      </form>
    </Dialog>
  );
}
