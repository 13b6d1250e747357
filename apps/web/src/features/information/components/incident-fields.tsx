import {
  ACTOR_TYPES,
  ACTOR_TYPE_LABELS,
  EVENT_SUBTYPES,
  EVENT_SUBTYPE_LABELS,
  EVENT_TYPES,
  EVENT_TYPE_LABELS,
  PRECISIONS,
  PRECISION_LABELS,
  type Precision,
} from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { SelectField } from '../../../components/select-field';
import type { ItemFormValues } from './item-form-values';

interface IncidentFieldsProps {
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => void;
  errors: Record<string, string>;
}

const ACTOR_OPTIONS = ACTOR_TYPES.map((value) => ({ value, label: ACTOR_TYPE_LABELS[value] }));
const toPrecision = (text: string): Precision | '' =>
  PRECISIONS.find((p) => String(p) === text) ?? '';

/** Incident typing as in conflict event data: type, sub-type, actors, time and place precision. */
export function IncidentFields({ values, set, errors }: IncidentFieldsProps) {
  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">Incident</legend>
      <div className="form-grid">
        <SelectField
          label="Event type"
          name="eventType"
          value={values.eventType}
          error={errors['eventType']}
          onChange={(e) => set('eventType', EVENT_TYPES.find((t) => t === e.target.value) ?? '')}
        >
          <option value="">Not typed</option>
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVENT_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        {values.eventType === 'violence_against_civilians' ? (
          <SelectField
            label="Sub-type"
            name="eventSubtype"
            value={values.eventSubtype}
            error={errors['eventSubtype']}
            onChange={(e) =>
              set('eventSubtype', EVENT_SUBTYPES.find((t) => t === e.target.value) ?? '')
            }
          >
            <option value="">Not typed</option>
            {EVENT_SUBTYPES.map((t) => (
              <option key={t} value={t}>
                {EVENT_SUBTYPE_LABELS[t]}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          label="Time precision"
          name="timePrecision"
          value={String(values.timePrecision)}
          error={errors['timePrecision']}
          onChange={(e) => set('timePrecision', toPrecision(e.target.value))}
        >
          <option value="">Not stated</option>
          {PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {PRECISION_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Place precision"
          name="geoPrecision"
          value={String(values.geoPrecision)}
          error={errors['geoPrecision']}
          onChange={(e) => set('geoPrecision', toPrecision(e.target.value))}
        >
          <option value="">Not stated</option>
          {PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {PRECISION_LABELS[p]}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxGroupField
        legend="Actors"
        name="actorTypes"
        options={ACTOR_OPTIONS}
        values={values.actorTypes}
        error={errors['actorTypes']}
        onChange={(actorTypes) => set('actorTypes', actorTypes)}
      />
    </fieldset>
  );
}
