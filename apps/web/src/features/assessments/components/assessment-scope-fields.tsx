import { CRIME_TYPES, CRIME_TYPE_LABELS } from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { TextField } from '../../../components/text-field';
import { strandedFactors, type AssessmentFormValues } from './assessment-form-values';
import { thisMonth } from './assessment-labels';

const CRIME_OPTIONS = CRIME_TYPES.map((value) => ({ value, label: CRIME_TYPE_LABELS[value] }));

interface AssessmentScopeFieldsProps {
  values: AssessmentFormValues;
  set: <K extends keyof AssessmentFormValues>(key: K, value: AssessmentFormValues[K]) => void;
  errors: Record<string, string>;
  /** The month is chosen when the draft is created, then fixed. */
  periodFixed: boolean;
}

/** The month assessed and the crimes it is about (they decide which factors apply). */
export function AssessmentScopeFields({
  values,
  set,
  errors,
  periodFixed,
}: AssessmentScopeFieldsProps) {
  const stranded = strandedFactors(values);
  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">Scope</legend>
      {periodFixed ? (
        <p>
          <strong>Month:</strong> {values.period}
        </p>
      ) : (
        <TextField
          label="Month"
          name="period"
          type="month"
          required
          max={thisMonth()}
          hint="One assessment per month; a finalised month is revised by superseding it."
          className="field--narrow"
          value={values.period}
          error={errors['period']}
          onChange={(e) => set('period', e.target.value)}
        />
      )}
      <CheckboxGroupField
        legend="Crime types assessed"
        name="crimeTypes"
        options={CRIME_OPTIONS}
        values={values.crimeTypes}
        error={errors['crimeTypes']}
        hint="Factors 1–8 always apply; genocide adds 9–10, crimes against humanity 11–12, war crimes 13–14. None chosen: all 14."
        onChange={(crimeTypes) => set('crimeTypes', crimeTypes)}
      />
      {stranded.length > 0 ? (
        <p className="note" role="note">
          {stranded.map((f) => `RF${f}`).join(', ')} {stranded.length === 1 ? 'is' : 'are'} rated
          but no longer {stranded.length === 1 ? 'applies' : 'apply'} to these crime types; the
          rating is kept here but not saved.
        </p>
      ) : null}
    </fieldset>
  );
}
