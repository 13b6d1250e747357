import { useState } from 'react';
import { ACTION_TYPES, ADDRESSEE_KINDS } from '@vigil/domain';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
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

  const form = useFormSubmit(
    () =>
      onSubmit({
        addresseeKind: kind,
        addresseeOrganisationId: withOrganisation && organisationId ? organisationId : undefined,
        addresseeName: name.trim(),
        actionType: action,
        text: text.trim(),
        dueDate: due || undefined,
        documentId: documentId || undefined,
      }),
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!name.trim()) errors['addresseeName'] = 'Name the addressee.';
        if (!text.trim()) errors['text'] = 'Write the recommendation.';
        return errors;
      },
      focus: 'none',
    },
  );

  return (
    <form
      className="form inline-form"
      noValidate
      aria-label="New recommendation"
      aria-busy={form.busy}
      onSubmit={(e) => void form.submit(e)}
    >
      <FormAlert message={form.formError} />
      <div className="form-grid">
        <SelectField
          label="Addressee"
          value={kind}
          error={form.fieldError('addresseeKind')}
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
            error={form.fieldError('addresseeOrganisationId')}
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
          error={form.fieldError('addresseeName')}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          label="Action"
          value={action}
          error={form.fieldError('actionType')}
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
          error={form.fieldError('dueDate')}
          onChange={(e) => setDue(e.target.value)}
        />
        <SelectField
          label="Carried by document"
          value={documentId}
          error={form.fieldError('documentId')}
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
        error={form.fieldError('text')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          Add recommendation
        </button>
      </div>
    </form>
  );
}
