import { useState } from 'react';
import { readableClassifications, type Classification } from '@vigil/domain';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import type { Case, Country } from '../api/cases-api';
import { useCreateCase } from '../hooks/use-case-actions';
import { CountryOptions } from '../../../components/country-options';

interface NewSituationDialogProps {
  countries: Country[];
  onClose: () => void;
  onCreated: (created: Case) => void;
}

interface Values {
  title: string;
  country: string;
  summary: string;
  classification: Classification;
}

/** "New situation": title, country, summary, classification → `POST /api/cases`. */
export function NewSituationDialog({ countries, onClose, onCreated }: NewSituationDialogProps) {
  const user = useCurrentUser();
  const classifications = readableClassifications(user.clearance);
  const create = useCreateCase();
  const [values, setValues] = useState<Values>({
    title: '',
    country: '',
    summary: '',
    classification: classifications.includes('confidential') ? 'confidential' : 'unclassified',
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const form = useFormSubmit(
    async () => {
      const created = await create.mutateAsync({
        title: values.title.trim(),
        country: values.country,
        summary: values.summary,
        classification: values.classification,
      });
      onCreated(created);
    },
    { validate: () => check(values) },
  );

  return (
    <Dialog title="New situation" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void form.submit(event)}
        aria-busy={form.busy}
      >
        <FormAlert message={form.formError} />
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={values.title}
          error={form.fieldError('title')}
          onChange={(e) => set('title', e.target.value)}
        />
        <SelectField
          label="Country"
          name="country"
          required
          value={values.country}
          error={form.fieldError('country')}
          onChange={(e) => set('country', e.target.value)}
        >
          <CountryOptions countries={countries} emptyLabel="Choose a country…" />
        </SelectField>
        <TextAreaField
          label="Summary"
          name="summary"
          rows={6}
          value={values.summary}
          error={form.fieldError('summary')}
          onChange={(e) => set('summary', e.target.value)}
        />
        <SelectField
          label="Classification"
          name="classification"
          value={values.classification}
          error={form.fieldError('classification')}
          onChange={(e) => set('classification', e.target.value as Classification)}
        >
          {classifications.map((level) => (
            <option key={level} value={level}>
              {CLEARANCE_LABELS[level]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={form.busy}>
            Create situation
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** What must be filled in before the situation is sent. */
function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title.trim()) errors['title'] = 'Enter a title.';
  if (!values.country) errors['country'] = 'Choose a country.';
  return errors;
}
