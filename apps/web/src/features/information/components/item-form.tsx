import { Link } from 'react-router';
import {
  CONSENTS,
  CONSENT_LABELS,
  readableClassifications,
  type Classification,
} from '@vigil/domain';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormAlert } from '../../../components/form-alert';
import { SelectField } from '../../../components/select-field';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { useCountries } from '../../situations/hooks/use-cases';
import { useFramework } from '../hooks/use-information';
import { useItemForm } from '../hooks/use-item-form';
import { CaseLinkPicker } from './case-link-picker';
import { GradingFields } from './grading-fields';
import { IncidentFields } from './incident-fields';
import { IndicatorPicker } from './indicator-picker';
import { ItemBasicsFields } from './item-basics-fields';
import type { ItemFormValues } from './item-form-values';
import { ItemPlaceFields } from './item-place-fields';

export const ITEM_CONFLICT_MESSAGE =
  'Someone else changed this item since you opened it. Reload to see their version (your changes here will be replaced).';

interface ItemFormProps {
  initial: () => ItemFormValues;
  submitLabel: string;
  /** Where "Cancel" goes. */
  cancelTo: string;
  /** Sends valid values; rejects with the server's refusal. */
  onSave: (values: ItemFormValues) => Promise<void>;
  /** For edits: fetches the newest version and answers its form values. */
  onReload?: () => Promise<ItemFormValues | undefined>;
}

/** Every field of an information item (docs/architecture.md §8), grouped, errors beside fields. */
export function ItemForm({ initial, submitLabel, cancelTo, onSave, onReload }: ItemFormProps) {
  const user = useCurrentUser();
  const countries = useCountries();
  const framework = useFramework();
  const { values, set, form, conflict, reload } = useItemForm(initial, { onSave, onReload });
  const errors = form.errors;
  const classifications: Classification[] = readableClassifications(user.clearance);

  return (
    <form
      className="form item-form"
      noValidate
      aria-busy={form.busy}
      onSubmit={(event) => void form.submit(event)}
    >
      {conflict ? (
        <ConflictAlert message={ITEM_CONFLICT_MESSAGE} onReload={() => void reload()} />
      ) : null}
      <FormAlert message={form.formError} />
      <ItemBasicsFields values={values} set={set} errors={errors} />
      <ItemPlaceFields values={values} set={set} errors={errors} countries={countries.data ?? []} />
      {values.kind === 'incident' ? (
        <IncidentFields values={values} set={set} errors={errors} />
      ) : null}
      <GradingFields values={values} set={set} errors={errors} />
      <IndicatorPicker
        factors={framework.data?.factors ?? []}
        values={values.indicatorIds}
        error={errors['indicatorIds']}
        onChange={(indicatorIds) => set('indicatorIds', indicatorIds)}
      />
      <CaseLinkPicker
        values={values.cases}
        error={errors['caseIds']}
        onChange={(cases) => set('cases', cases)}
      />
      <fieldset className="fieldset form-section">
        <legend className="form-section__title">Handling</legend>
        <div className="form-grid">
          <SelectField
            label="Consent"
            name="consent"
            required
            value={values.consent}
            error={errors['consent']}
            onChange={(e) => set('consent', CONSENTS.find((c) => c === e.target.value) ?? '')}
          >
            <option value="">Choose…</option>
            {CONSENTS.map((c) => (
              <option key={c} value={c}>
                {CONSENT_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Classification"
            name="classification"
            value={values.classification}
            error={errors['classification']}
            onChange={(e) =>
              set(
                'classification',
                classifications.find((c) => c === e.target.value) ?? values.classification,
              )
            }
          >
            {classifications.map((level) => (
              <option key={level} value={level}>
                {CLEARANCE_LABELS[level]}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <div className="form__actions">
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
        <button type="submit" className="button button--primary" disabled={form.busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
