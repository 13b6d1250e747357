import { useState } from 'react';
import { DOCUMENT_KINDS } from '@vigil/domain';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
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
  const form = useFormSubmit(
    async () => onCreated(await create.mutateAsync({ kind, title: title.trim() })),
    {
      validate: (): FieldErrors => (title.trim() ? {} : { title: 'Enter a title.' }),
      invalidMessage: 'Please correct the highlighted field.',
      focus: 'none',
    },
  );

  return (
    <Dialog title="New document" onClose={onClose}>
      <form className="form" noValidate onSubmit={(e) => void form.submit(e)} aria-busy={form.busy}>
        <FormAlert message={form.formError} />
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          error={form.fieldError('kind')}
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
          error={form.fieldError('title')}
          onChange={(e) => setTitle(e.target.value)}
        />
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Create document
          </button>
        </div>
      </form>
    </Dialog>
  );
}
