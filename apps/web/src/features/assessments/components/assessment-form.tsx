import { useRef } from 'react';
import { Link } from 'react-router';
import { ConflictAlert } from '../../../components/conflict-alert';
import { FormAlert } from '../../../components/form-alert';
import { useFramework } from '../../information/hooks/use-information';
import type { Case } from '../../situations/api/cases-api';
import type { Assessment } from '../api/assessments-api';
import { useAssessmentEditor } from '../hooks/use-assessment-editor';
import { applicable, emptyFactor } from './assessment-form-values';
import { AssessmentScopeFields } from './assessment-scope-fields';
import { FactorRatingFieldset } from './factor-rating-fieldset';
import { LevelFields } from './level-fields';

interface AssessmentFormProps {
  caseItem: Case;
  /** The draft being edited; null for a new one. */
  assessment: Assessment | null;
  /** Other assessments of the case (to point at the draft a month already has). */
  history: Assessment[];
  canFinalise: boolean;
  onCreated: (created: Assessment) => void;
  onAnnounce: (message: string) => void;
  onReload: () => Promise<Assessment | undefined>;
}

/** The assessment editor: scope, one fieldset per applicable factor, levels; save or finalise. */
export function AssessmentForm({
  caseItem,
  assessment,
  history,
  canFinalise,
  onCreated,
  onAnnounce,
  onReload,
}: AssessmentFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const framework = useFramework();
  const editor = useAssessmentEditor({
    caseId: caseItem.id,
    assessment,
    onCreated,
    onAnnounce,
    onReload,
  });
  const { values, errors } = editor;
  const factors = applicable(values);
  const sameMonth = assessment
    ? undefined
    : history.find((a) => a.period === values.period && a.status !== 'superseded');

  return (
    <form
      ref={formRef}
      className="form assessment-form"
      noValidate
      aria-busy={editor.busy}
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save(event.currentTarget);
      }}
    >
      {editor.conflict ? (
        <ConflictAlert
          message={`${editor.conflict} Reloading replaces your unsaved changes with the saved version.`}
          onReload={() => void editor.reload()}
        />
      ) : null}
      <FormAlert message={editor.formError} />
      {errors['period'] && sameMonth ? (
        <p className="note">
          <Link to={`/assessments/${sameMonth.id}`}>
            Open the {sameMonth.status} assessment for {sameMonth.period}
          </Link>
        </p>
      ) : null}
      {errors['ratings'] ? <p className="field__error">{errors['ratings']}</p> : null}
      <div className="assessment-layout">
        <div className="assessment-layout__main">
          <AssessmentScopeFields
            values={values}
            set={editor.set}
            errors={errors}
            periodFixed={assessment !== null}
          />
          <section className="form-section" aria-labelledby="factors-title">
            <h2 id="factors-title" className="form-section__title">
              Risk factors ({factors.length} apply)
            </h2>
            {factors.map((factor) => (
              <FactorRatingFieldset
                key={factor}
                factor={factor}
                framework={framework.data?.factors.find((f) => f.number === factor)}
                values={values.factors[factor] ?? emptyFactor()}
                onChange={(change) => editor.setFactor(factor, change)}
                errors={errors}
                caseId={caseItem.id}
                country={caseItem.country}
                countryName={caseItem.countryName}
              />
            ))}
          </section>
        </div>
        <aside className="assessment-layout__side" aria-label="Level and actions">
          <LevelFields values={values} set={editor.set} errors={errors} />
          <div className="form__actions form__actions--start">
            <button type="submit" className="button button--primary" disabled={editor.busy}>
              Save draft
            </button>
            {assessment && canFinalise ? (
              <button
                type="button"
                className="button"
                disabled={editor.busy || editor.dirty}
                aria-describedby={editor.dirty ? 'finalise-hint' : undefined}
                onClick={() => {
                  if (formRef.current) void editor.finaliseNow(formRef.current);
                }}
              >
                Finalise
              </button>
            ) : null}
          </div>
          {assessment && canFinalise && editor.dirty ? (
            <p id="finalise-hint" className="field__hint">
              Save the draft before finalising: an adviser finalises what is saved.
            </p>
          ) : null}
          {assessment ? (
            <p className="muted">
              {editor.dirty ? 'Unsaved changes.' : `Saved, version ${editor.version ?? ''}.`}
            </p>
          ) : null}
        </aside>
      </div>
    </form>
  );
}
