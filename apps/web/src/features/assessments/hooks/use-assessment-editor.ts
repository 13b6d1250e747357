import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { focusFirstInvalidIn } from '../../information/hooks/use-item-form';
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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const create = useCreateAssessment(caseId);
  const update = useUpdateAssessment(assessment?.id ?? '');
  const finalise = useFinaliseAssessment(assessment?.id ?? '');
  const busy = create.isPending || update.isPending || finalise.isPending;
  const dirty = base ? !sameValues(values, assessmentToForm(base)) : true;

  const set = <K extends keyof AssessmentFormValues>(key: K, value: AssessmentFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const setFactor = (factor: number, change: Partial<FactorValues>) =>
    setValues((current) => {
      const before = current.factors[factor];
      if (!before) return current;
      return { ...current, factors: { ...current.factors, [factor]: { ...before, ...change } } };
    });

  const refuse = (form: HTMLFormElement, found: Record<string, string>, message: string) => {
    setErrors(found);
    setFormError(message);
    focusFirstInvalidIn(form);
  };

  const fail = (form: HTMLFormElement, error: unknown, sent: RatingInput[]) => {
    if (error instanceof ApiError && error.statusCode === 409) {
      if (base) {
        setConflict(error.message);
        return;
      }
      // A new draft for a month that already has one.
      refuse(form, { period: error.message }, error.message);
      return;
    }
    const found = error instanceof ApiError ? formFieldErrors(error.fieldErrors(), sent) : {};
    refuse(form, found, errorMessage(error));
  };

  const save = async (form: HTMLFormElement) => {
    if (busy) return;
    const found = validateDraft(values);
    setConflict(null);
    if (Object.keys(found).length > 0) {
      refuse(form, found, 'Please correct the highlighted fields.');
      return;
    }
    setErrors({});
    setFormError(null);
    const sent = toRatings(values);
    try {
      if (base) {
        const saved = await update.mutateAsync(toUpdateBody(values, base.version));
        setBase(saved);
        options.onAnnounce(`Draft saved (version ${saved.version}).`);
      } else {
        options.onCreated(await create.mutateAsync(toCreateBody(values)));
      }
    } catch (error) {
      fail(form, error, sent);
    }
  };

  const finaliseNow = async (form: HTMLFormElement) => {
    if (busy || !base) return;
    const found = { ...validateDraft(values), ...validateFinal(values) };
    setConflict(null);
    if (Object.keys(found).length > 0) {
      refuse(form, found, 'The assessment is not complete yet: see the highlighted fields.');
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      const done = await finalise.mutateAsync(base.version);
      options.onAnnounce(
        `Assessment finalised: ${levelLabel(done.overallLevel ?? done.computedLevel)} risk.`,
      );
    } catch (error) {
      fail(form, error, toRatings(values));
    }
  };

  /** Replaces the form with the newest saved version (the user was told their edits go). */
  const reload = async () => {
    const fresh = await options.onReload();
    if (fresh) {
      setBase(fresh);
      setValues(assessmentToForm(fresh));
    }
    setConflict(null);
    setErrors({});
    setFormError(null);
  };

  return {
    values,
    set,
    setFactor,
    errors,
    formError,
    conflict,
    busy,
    dirty,
    /** The version the form stands on. */
    version: base?.version ?? null,
    save,
    finaliseNow,
    reload,
  };
}
