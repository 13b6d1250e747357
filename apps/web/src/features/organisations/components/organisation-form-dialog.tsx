import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import {
  ORGANISATION_KINDS,
  ORGANISATION_KIND_LABELS,
  type Organisation,
  type OrganisationKind,
} from '../../../lib/api-types';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
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

function validate(values: Values): FieldErrors {
  const errors: FieldErrors = {};
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
  const [values, setValues] = useState<Values>({
    name: organisation?.name ?? '',
    acronym: organisation?.acronym ?? '',
    kind: organisation?.kind ?? '',
  });

  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const form = useFormSubmit(
    async () => {
      // The check requires a kind; this only narrows its type.
      if (!values.kind) return;
      const input = { name: values.name.trim(), acronym: values.acronym.trim(), kind: values.kind };
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
    },
    { validate: () => validate(values), invalidMessage: null, focus: 'check' },
  );

  return (
    <Dialog title={editing ? `Edit ${organisation.name}` : 'New organisation'} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => void form.submit(event)}
        noValidate
        aria-busy={form.busy}
      >
        <FormAlert message={form.formError} />
        <TextField
          label="Name"
          name="name"
          required
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={form.fieldError('name')}
        />
        <TextField
          label="Acronym"
          name="acronym"
          required
          value={values.acronym}
          onChange={(e) => set('acronym', e.target.value)}
          error={form.fieldError('acronym')}
        />
        <SelectField
          label="Kind"
          name="kind"
          required
          value={values.kind}
          onChange={(e) => set('kind', e.target.value as OrganisationKind | '')}
          error={form.fieldError('kind')}
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
          <button type="submit" className="button button--primary" disabled={form.busy}>
            {editing ? 'Save changes' : 'Create organisation'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
