import { useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { CORRECT_FIELDS_MESSAGE, useFormSubmit } from '../../../lib/use-form-submit';
import type { Assessment, RatingInput } from '../api/assessments-api';
import {
  assessmentToForm,
  emptyAssessmentForm,
  formFieldErrors,
  sameValues,
  toCreateBody,
  toRatings,
  toUpdateBody,
  validateDraft,
  validateFinal,
  type AssessmentFormValues,
  type FactorValues,
} from '../components/assessment-form-values';
import { levelLabel } from '../components/assessment-labels';
import {
  useCreateAssessment,
  useFinaliseAssessment,
  useUpdateAssessment,
} from './use-assessment-actions';

/** What a submit of the editor does: save the draft or finalise it. */
type Intent = 'save' | 'finalise';

interface EditorOptions {
  caseId: string;
  /** The draft being edited; null for a new one. */
  assessment: Assessment | null;
  onCreated: (created: Assessment) => void;
  onAnnounce: (message: string) => void;
  /** Fetches the newest version of the draft. */
  onReload: () => Promise<Assessment | undefined>;
}

/** State and actions of the assessment editor: save the draft, finalise it, resolve conflicts. */
export function useAssessmentEditor(options: EditorOptions) {
  const { caseId, assessment } = options;
  // The saved version the form stands on: moved only by the user's own save or a reload, so a
  // newer version fetched in the background cannot slip under unsaved edits.
  const [base, setBase] = useState<Assessment | null>(assessment);
  const [values, setValues] = useState<AssessmentFormValues>(() =>
    base ? assessmentToForm(base) : emptyAssessmentForm(),
  );
  const [conflict, setConflict] = useState<string | null>(null);
  const create = useCreateAssessment(caseId);
  const update = useUpdateAssessment(assessment?.id ?? '');
  const finalise = useFinaliseAssessment(assessment?.id ?? '');
  const dirty = base ? !sameValues(values, assessmentToForm(base)) : true;

  const set = <K extends keyof AssessmentFormValues>(key: K, value: AssessmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setFactor = (factor: number, change: Partial<FactorValues>) =>
    setValues((current) => {
      const before = current.factors[factor];
      if (!before) return current;
      return { ...current, factors: { ...current.factors, [factor]: { ...before, ...change } } };
    });

  // The ratings last sent: the server numbers its messages about them in that order.
  const sent = useRef<RatingInput[]>([]);
  const submission = useFormSubmit(
    async (intent: Intent) => {
      sent.current = toRatings(values);
      if (intent === 'finalise') {
        if (!base) return;
        const done = await finalise.mutateAsync(base.version);
        options.onAnnounce(
          `Assessment finalised: ${levelLabel(done.overallLevel ?? done.computedLevel)} risk.`,
        );
      } else if (base) {
        const saved = await update.mutateAsync(toUpdateBody(values, base.version));
        setBase(saved);
        options.onAnnounce(`Draft saved (version ${saved.version}).`);
      } else {
        options.onCreated(await create.mutateAsync(toCreateBody(values)));
      }
    },
    {
      validate: (intent) =>
        intent === 'save'
          ? validateDraft(values)
          : { ...validateDraft(values), ...validateFinal(values) },
      invalidMessage: (intent) =>
        intent === 'save'
          ? CORRECT_FIELDS_MESSAGE
          : 'The assessment is not complete yet: see the highlighted fields.',
      onError: (error) => {
        // Someone else saved the draft first: offer to reload it.
        const stale = base !== null && error instanceof ApiError && error.statusCode === 409;
        if (stale) setConflict(error.message);
        return stale;
      },
      // A 409 left over is a new draft for a month that already has one: shown at the period.
      toFieldErrors: (error) =>
        error.statusCode === 409
          ? { period: error.message }
          : formFieldErrors(error.fieldErrors(), sent.current),
    },
  );

  const save = (form: HTMLFormElement) => {
    setConflict(null);
    return submission.submit(form, 'save');
  };

  const finaliseNow = (form: HTMLFormElement) => {
    if (!base) return Promise.resolve();
    setConflict(null);
    return submission.submit(form, 'finalise');
  };

  /** Replaces the form with the newest saved version (the user was told their edits go). */
  const reload = async () => {
    const fresh = await options.onReload();
    if (fresh) {
      setBase(fresh);
      setValues(assessmentToForm(fresh));
    }
    setConflict(null);
    submission.reset();
  };

  return {
    values,
    set,
    setFactor,
    errors: submission.errors,
    formError: submission.formError,
    conflict,
    busy: submission.busy,
    dirty,
    /** The version the form stands on. */
    version: base?.version ?? null,
    save,
    finaliseNow,
    reload,
  };
}
