import { useState } from 'react';
import { CONFIDENCES, RATINGS, findRiskFactor, type Confidence } from '@vigil/domain';
import { CheckboxGroupField } from '../../../components/checkbox-group-field';
import { SelectField } from '../../../components/select-field';
import { TextAreaField } from '../../../components/textarea-field';
import type { FrameworkFactor } from '../../information/api/information-api';
import { CONFIDENCE_LABELS, ratingLabel } from './assessment-labels';
import type { FactorValues } from './assessment-form-values';
import { EvidencePicker } from './evidence-picker';

interface FactorRatingFieldsetProps {
  factor: number;
  /** The factor as the Framework tables hold it (indicators); the domain catalogue otherwise. */
  framework: FrameworkFactor | undefined;
  values: FactorValues;
  onChange: (change: Partial<FactorValues>) => void;
  errors: Record<string, string>;
  caseId: string;
  country: string;
  countryName: string;
}

/** One applicable risk factor: rating 0–4, confidence, rationale, evidence and indicators. */
export function FactorRatingFieldset({
  factor,
  framework,
  values,
  onChange,
  errors,
  caseId,
  country,
  countryName,
}: FactorRatingFieldsetProps) {
  const name = framework?.name ?? findRiskFactor(factor)?.name ?? `Risk factor ${factor}`;
  const error = (field: string) => errors[`rf${factor}.${field}`];
  const nestedError = error('evidenceItemIds') ?? error('indicatorIds');
  const [open, setOpen] = useState(false);
  const indicatorOptions = (framework?.indicators ?? []).map((i) => ({
    value: i.id,
    label: `${i.id} ${i.label}`,
  }));
  const cited = values.evidenceItemIds.length;
  const tagged = values.indicatorIds.length;

  return (
    <fieldset className="fieldset factor-rating" data-factor={factor}>
      <legend className="factor-rating__legend">
        RF{factor} {name}
      </legend>
      <div className="form-grid">
        <SelectField
          label="Rating"
          name={`rf${factor}.rating`}
          value={String(values.rating)}
          error={error('rating')}
          onChange={(e) =>
            onChange({ rating: RATINGS.find((r) => String(r) === e.target.value) ?? '' })
          }
        >
          <option value="">Not rated</option>
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {ratingLabel(r)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Confidence"
          name={`rf${factor}.confidence`}
          value={values.confidence}
          error={error('confidence')}
          onChange={(e) =>
            onChange({
              confidence:
                CONFIDENCES.find((c): c is Confidence => c === e.target.value) ?? 'medium',
            })
          }
        >
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {CONFIDENCE_LABELS[c]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Rationale"
        name={`rf${factor}.rationale`}
        rows={3}
        maxLength={10000}
        value={values.rationale}
        error={error('rationale')}
        onChange={(e) => onChange({ rationale: e.target.value })}
      />
      <details
        className="factor-rating__more"
        open={open || Boolean(nestedError)}
        onToggle={(event) => setOpen(event.currentTarget.open)}
      >
        <summary>
          Evidence ({cited} cited) and indicators ({tagged} chosen)
          <span className="visually-hidden"> for RF{factor}</span>
        </summary>
        {open || nestedError ? (
          <div className="factor-rating__evidence">
            <EvidencePicker
              caseId={caseId}
              country={country}
              countryName={countryName}
              values={values.evidenceItemIds}
              onChange={(evidenceItemIds) => onChange({ evidenceItemIds })}
              factorLabel={`RF${factor}`}
              error={error('evidenceItemIds')}
            />
            <CheckboxGroupField
              legend={`Indicators of RF${factor}`}
              className="checkbox-group-field--stacked"
              name={`rf${factor}.indicatorIds`}
              options={indicatorOptions}
              values={values.indicatorIds}
              error={error('indicatorIds')}
              onChange={(indicatorIds) => onChange({ indicatorIds })}
            />
          </div>
        ) : null}
      </details>
    </fieldset>
  );
}
