import { CRIME_TYPES, CRIME_TYPE_LABELS, ITEM_KINDS, ITEM_KIND_LABELS } from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { TextField } from '../../../components/text-field';
import type { ItemFormValues } from './item-form-values';

interface ItemBasicsFieldsProps {
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => void;
  errors: Record<string, string>;
}

const CRIME_OPTIONS = CRIME_TYPES.map((value) => ({ value, label: CRIME_TYPE_LABELS[value] }));

/** What the information says: title, description, kind, dates, crimes and groups concerned. */
export function ItemBasicsFields({ values, set, errors }: ItemBasicsFieldsProps) {
  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">What happened</legend>
      <TextField
        label="Title"
        name="title"
        required
        maxLength={300}
        value={values.title}
        error={errors['title']}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextAreaField
        label="Description"
        name="description"
        required
        rows={8}
        value={values.description}
        error={errors['description']}
        onChange={(e) => set('description', e.target.value)}
      />
      <div className="form-grid">
        <SelectField
          label="Kind"
          name="kind"
          required
          value={values.kind}
          error={errors['kind']}
          onChange={(e) => set('kind', ITEM_KINDS.find((k) => k === e.target.value) ?? '')}
        >
          <option value="">Choose a kind…</option>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {ITEM_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Event date"
          name="eventDate"
          type="date"
          required
          value={values.eventDate}
          error={errors['eventDate']}
          onChange={(e) => set('eventDate', e.target.value)}
        />
        <TextField
          label="Date received"
          name="receivedDate"
          type="date"
          value={values.receivedDate}
          error={errors['receivedDate']}
          onChange={(e) => set('receivedDate', e.target.value)}
        />
      </div>
      <CheckboxGroupField
        legend="Crime types"
        name="crimeTypes"
        options={CRIME_OPTIONS}
        values={values.crimeTypes}
        error={errors['crimeTypes']}
        onChange={(crimeTypes) => set('crimeTypes', crimeTypes)}
      />
      <TextField
        label="Affected groups"
        name="affectedGroups"
        hint="Separate groups with commas, e.g. Masalit, Fur."
        value={values.affectedGroups}
        error={errors['affectedGroups']}
        onChange={(e) => set('affectedGroups', e.target.value)}
      />
    </fieldset>
  );
}
