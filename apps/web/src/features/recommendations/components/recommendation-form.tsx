import { useState, type FormEvent } from 'react';
import { ACTION_TYPES, ADDRESSEE_KINDS } from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCaseDocuments } from '../../documents/hooks/use-documents';
import { useOrganisationOptions } from '../../organisations/hooks/use-organisation-options';
import type { ActionType, AddresseeKind, NewRecommendation } from '../api/recommendations-api';
import {
  ACTION_TYPE_LABELS,
  ADDRESSEE_KIND_LABELS,
  DEFAULT_ADDRESSEE_NAMES,
} from './recommendation-labels';
import { visibleText } from '../../../components/visible-text';

interface RecommendationFormProps {
  caseId: string;
  onSubmit: (input: NewRecommendation) => Promise<void>;
  onCancel: () => void;
}

/** Kinds addressed through an organisation of the directory. */
const WITH_ORGANISATION: readonly AddresseeKind[] = ['member_state', 'regional_org', 'un_entity'];

/** A new recommendation: to whom, what action, the text, due day and the carrying document. */
export function RecommendationForm({ caseId, onSubmit, onCancel }: RecommendationFormProps) {
  const organisations = useOrganisationOptions();
  const documents = useCaseDocuments(caseId);
  const [kind, setKind] = useState<AddresseeKind>('secretary_general');
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState(DEFAULT_ADDRESSEE_NAMES.secretary_general ?? '');
  const [action, setAction] = useState<ActionType>('quiet_diplomacy');
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const withOrganisation = WITH_ORGANISATION.includes(kind);

  const chooseKind = (next: AddresseeKind) => {
    setKind(next);
    setOrganisationId('');
    setName(DEFAULT_ADDRESSEE_NAMES[next] ?? '');
  };
  const chooseOrganisation = (id: string) => {
    setOrganisationId(id);
    const found = organisations.data?.find((o) => o.id === id);
    if (found) setName(found.name);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const clientErrors: Record<string, string> = {};
    if (!name.trim()) clientErrors['addresseeName'] = 'Name the addressee.';
    if (!text.trim()) clientErrors['text'] = 'Write the recommendation.';
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFormError('Please correct the highlighted fields.');
      return;
    }
    setBusy(true);
    try {
      await onSubmit({
        addresseeKind: kind,
        addresseeOrganisationId: withOrganisation && organisationId ? organisationId : undefined,
        addresseeName: name.trim(),
        actionType: action,
        text: text.trim(),
        dueDate: due || undefined,
        documentId: documentId || undefined,
      });
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      setFormError(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="New recommendation"
      aria-busy={busy}
      onSubmit={(e) => void submit(e)}
    >
      <FormAlert message={formError} />
      <div className="form-grid">
        <SelectField
          label="Addressee"
          value={kind}
          error={errors['addresseeKind']}
          onChange={(e) => chooseKind(e.target.value as AddresseeKind)}
        >
          {ADDRESSEE_KINDS.map((k) => (
            <option key={k} value={k}>
              {ADDRESSEE_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        {withOrganisation ? (
          <SelectField
            label="Organisation"
            value={organisationId}
            error={errors['addresseeOrganisationId']}
            onChange={(e) => chooseOrganisation(e.target.value)}
          >
            <option value="">Not in the directory</option>
            {(organisations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {o.acronym ? `${o.acronym} — ${o.name}` : o.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label="Addressee name"
          required
          maxLength={200}
          value={name}
          error={errors['addresseeName']}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label="Action"
          value={action}
          error={errors['actionType']}
          onChange={(e) => setAction(e.target.value as ActionType)}
        >
          {ACTION_TYPES.map((a) => (
            <option key={a} value={a}>
              {ACTION_TYPE_LABELS[a]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Due"
          type="date"
          value={due}
          error={errors['dueDate']}
          onChange={(e) => setDue(e.target.value)}
        />
        <SelectField
          label="Carried by document"
          value={documentId}
          error={errors['documentId']}
          onChange={(e) => setDocumentId(e.target.value)}
        >
          <option value="">None</option>
          {(documents.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {visibleText(d.title)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Recommendation"
        required
        rows={4}
        maxLength={5000}
        value={text}
        error={errors['text']}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          Add recommendation
        </button>
      </div>
    </form>
  );
}
