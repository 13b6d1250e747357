import { useState, type FormEvent } from 'react';
import { readableClassifications, type Classification } from '@vigil/domain';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const clientErrors: Record<string, string> = {};
    if (!values.title.trim()) clientErrors['title'] = 'Enter a title.';
    if (!values.country) clientErrors['country'] = 'Choose a country.';
    setErrors(clientErrors);
    setFormError(null);
    if (Object.keys(clientErrors).length > 0) {
      setFormError('Please correct the highlighted fields.');
      focusInvalid(form);
      return;
    }
    try {
      const created = await create.mutateAsync({
        title: values.title.trim(),
        country: values.country,
        summary: values.summary,
        classification: values.classification,
      });
      onCreated(created);
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors() : {});
      setFormError(errorMessage(error));
      focusInvalid(form);
    }
  };

  return (
    <Dialog title="New situation" onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-busy={create.isPending}
      >
        <FormAlert message={formError} />
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={values.title}
          error={errors['title']}
          onChange={(e) => set('title', e.target.value)}
        />
        <SelectField
          label="Country"
          name="country"
          required
          value={values.country}
          error={errors['country']}
          onChange={(e) => set('country', e.target.value)}
        >
          <CountryOptions countries={countries} emptyLabel="Choose a country…" />
        </SelectField>
        <TextAreaField
          label="Summary"
          name="summary"
          rows={6}
          value={values.summary}
          error={errors['summary']}
          onChange={(e) => set('summary', e.target.value)}
        />
        <SelectField
          label="Classification"
          name="classification"
          value={values.classification}
          error={errors['classification']}
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
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            Create situation
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Focuses the first invalid field once React has rendered the errors. */
function focusInvalid(form: HTMLFormElement) {
  window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
