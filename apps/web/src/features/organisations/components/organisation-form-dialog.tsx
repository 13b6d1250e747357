import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import {
  ORGANISATION_KINDS,
  ORGANISATION_KIND_LABELS,
  type Organisation,
  type OrganisationKind,
} from '../../../lib/api-types';
import type { UpdateOrganisationInput } from '../api/organisations-api';
import { useCreateOrganisation, useUpdateOrganisation } from '../hooks/use-save-organisation';

interface OrganisationFormDialogProps {
  /** The organisation to edit; omit to create a new one. */
  organisation?: Organisation;
  onClose: () => void;
  onSaved: (organisation: Organisation, created: boolean) => void;
}

interface Values {
  name: string;
  acronym: string;
  kind: OrganisationKind | '';
}

function validate(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors['name'] = 'Enter a name.';
  else if (values.name.trim().length > 200) errors['name'] = 'Use at most 200 characters.';
  if (!values.acronym.trim()) errors['acronym'] = 'Enter an acronym.';
  else if (values.acronym.trim().length > 20) errors['acronym'] = 'Use at most 20 characters.';
  if (!values.kind) errors['kind'] = 'Choose a kind.';
  return errors;
}

/** Create or edit an organisation (name, acronym, kind). */
export function OrganisationFormDialog({
  organisation,
  onClose,
  onSaved,
}: OrganisationFormDialogProps) {
  const editing = organisation !== undefined;
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const pending = create.isPending || update.isPending;
  const [values, setValues] = useState<Values>({
    name: organisation?.name ?? '',
    acronym: organisation?.acronym ?? '',
    kind: organisation?.kind ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const clientErrors = validate(values);
    setErrors(clientErrors);
    setFormError(null);
    const firstInvalid = Object.keys(clientErrors)[0];
    if (firstInvalid || !values.kind) {
      form.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    const input = { name: values.name.trim(), acronym: values.acronym.trim(), kind: values.kind };
    try {
      if (organisation) {
        const patch: UpdateOrganisationInput = {};
        if (input.name !== organisation.name) patch.name = input.name;
        if (input.acronym !== organisation.acronym) patch.acronym = input.acronym;
        if (input.kind !== organisation.kind) patch.kind = input.kind;
        if (Object.keys(patch).length === 0) return onClose();
        onSaved(await update.mutateAsync({ id: organisation.id, input: patch }), false);
      } else {
        onSaved(await create.mutateAsync(input), true);
      }
    } catch (error) {
      if (error instanceof ApiError) setErrors(error.fieldErrors());
      setFormError(errorMessage(error));
    }
  };

  return (
    <Dialog title={editing ? `Edit ${organisation.name}` : 'New organisation'} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-busy={pending}
      >
        <FormAlert message={formError} />
        <TextField
          label="Name"
          name="name"
          required
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors['name']}
        />
        <TextField
          label="Acronym"
          name="acronym"
          required
          value={values.acronym}
          onChange={(e) => set('acronym', e.target.value)}
          error={errors['acronym']}
        />
        <SelectField
          label="Kind"
          name="kind"
          required
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as OrganisationKind | '')}
          error={errors['kind']}
        >
          <option value="">Choose a kind…</option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ORGANISATION_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            {editing ? 'Save changes' : 'Create organisation'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
