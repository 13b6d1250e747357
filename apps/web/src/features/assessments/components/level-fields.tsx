import { RISK_LEVELS, explainRiskLevel, type RiskLevel } from '@vigil/domain';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import type { AssessmentFlag } from '../api/assessments-api';
import { applicable, factorRatings, type AssessmentFormValues } from './assessment-form-values';
import { FLAG_LABELS, levelLabel } from './assessment-labels';
import { ComputedLevelPanel } from './computed-level-panel';

const FLAGS: AssessmentFlag[] = ['risk_alert', 'resolution_opportunity'];
const FLAG_OPTIONS = FLAGS.map((value) => ({ value, label: FLAG_LABELS[value] }));

interface LevelFieldsProps {
  values: AssessmentFormValues;
  set: <K extends keyof AssessmentFormValues>(key: K, value: AssessmentFormValues[K]) => void;
  errors: Record<string, string>;
}

/** The computed level beside the analyst's own overall level, the flags and the summary. */
export function LevelFields({ values, set, errors }: LevelFieldsProps) {
  const computed = explainRiskLevel(factorRatings(values), {
    applicableFactors: applicable(values),
  }).level;
  const differs = values.overallLevel !== '' && values.overallLevel !== computed;
  return (
    <div className="level-fields">
      <ComputedLevelPanel values={values} />
      <SelectField
        label="Overall level (your judgement)"
        name="overallLevel"
        value={values.overallLevel}
        error={errors['overallLevel']}
        onChange={(e) =>
          set('overallLevel', RISK_LEVELS.find((l): l is RiskLevel => l === e.target.value) ?? '')
        }
      >
        <option value="">Not chosen yet</option>
        {RISK_LEVELS.map((level) => (
          <option key={level} value={level}>
            {levelLabel(level)}
          </option>
        ))}
      </SelectField>
      {differs ? (
        <p className="note" role="note">
          Your level differs from the computed level ({levelLabel(computed)}). Say why in the
          summary.
        </p>
      ) : null}
      <CheckboxGroupField
        legend="Flags"
        name="flags"
        options={FLAG_OPTIONS}
        values={values.flags}
        error={errors['flags']}
        hint="Risk alert: the situation may deteriorate soon. Resolution opportunity: an opening for preventive action."
        onChange={(flags) => set('flags', flags)}
      />
      <TextAreaField
        label="Summary"
        name="summary"
        rows={6}
        maxLength={20000}
        value={values.summary}
        error={errors['summary']}
        onChange={(e) => set('summary', e.target.value)}
      />
    </div>
  );
}
