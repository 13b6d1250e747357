import { useId } from 'react';
import { CREDIBILITY, CREDIBILITY_MEANINGS, describeGrade, gradeOf } from '@vigil/domain';
import { SelectField } from '../../../components/select-field';
import type { ItemFormValues } from './item-form-values';
import { SourcePicker } from './source-picker';

interface GradingFieldsProps {
  values: ItemFormValues;
  set: <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) => void;
  errors: Record<string, string>;
}

/** Source (reliability A–F) and the information's credibility (1–6), with the grade in words. */
export function GradingFields({ values, set, errors }: GradingFieldsProps) {
  const id = useId();
  const grade =
    values.source && values.credibility !== ''
      ? gradeOf(values.source.reliability, values.credibility)
      : null;
  return (
    <fieldset className="fieldset form-section">
      <legend className="form-section__title">Source and grade</legend>
      <SourcePicker
        value={values.source}
        onChange={(source) => set('source', source)}
        error={errors['sourceId']}
      />
      <SelectField
        label="Credibility of the information"
        name="credibility"
        value={String(values.credibility)}
        error={errors['credibility']}
        onChange={(e) =>
          set('credibility', CREDIBILITY.find((c) => String(c) === e.target.value) ?? '')
        }
      >
        <option value="">Choose 1–6…</option>
        {CREDIBILITY.map((c) => (
          <option key={c} value={c}>
            {c} — {CREDIBILITY_MEANINGS[c]}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <span id={`${id}-grade`} className="field__label">
          Grade
        </span>
        <output aria-labelledby={`${id}-grade`} aria-live="polite" className="grade-preview">
          {grade ? (
            <>
              <strong className="grade__code">{grade}</strong> — {describeGrade(grade)}
            </>
          ) : (
            <span className="muted">Choose the source and the credibility to see the grade.</span>
          )}
        </output>
      </div>
    </fieldset>
  );
}
