import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from './api-client';

/** Messages keyed by field name, each shown beside its field. */
export type FieldErrors = Record<string, string>;

/** The form-level message shown when the check before sending finds problems. */
export const CORRECT_FIELDS_MESSAGE = 'Please correct the highlighted fields.';

/** How a form reacts to a failed check or a refusal; every option has a default. */
export interface FormSubmitOptions<A extends unknown[]> {
  /** Checks the values before sending: messages by field; any message stops the submit. */
  validate?: (...args: A) => FieldErrors;
  /**
   * The form-level message shown with the check's messages; null shows none.
   * Default: {@link CORRECT_FIELDS_MESSAGE}.
   */
  invalidMessage?: string | null | ((...args: A) => string | null);
  /**
   * Sees every refusal first (to clear a password, focus a field, show a conflict); answering true
   * takes the refusal over, so no message is shown for it.
   */
  onError?: (error: unknown) => boolean;
  /** The field messages of an API refusal. Default: its details by field (`fieldErrors()`). */
  toFieldErrors?: (error: ApiError) => FieldErrors;
  /** The form-level message of a refusal. Default: its message (`errorMessage`). */
  toFormError?: (error: unknown) => string;
  /**
   * Which messages move focus to the first invalid control: all (default), only the check's, or
   * none.
   */
  focus?: 'all' | 'check' | 'none';
}

/** What a form renders from, and how it sends. */
export interface FormSubmit<A extends unknown[]> {
  /**
   * Checks, then runs the action unless one is already running; on failure shows the messages.
   * Pass the submit event (its default is prevented) or the element to look for invalid
   * controls in; `args` go to the action and the check.
   */
  submit: (target?: FormEvent<HTMLElement> | HTMLElement | null, ...args: A) => Promise<void>;
  /** The action is running. */
  busy: boolean;
  /** Messages by field from the last check or refusal. */
  errors: FieldErrors;
  /** The message for one field, if any. */
  fieldError: (name: string) => string | undefined;
  /** The form-level message, if any. */
  formError: string | null;
  /** Drops one field's message (the field was changed). */
  clearFieldError: (name: string) => void;
  /** Drops every message. */
  reset: () => void;
}

/**
 * The submit cycle every form shares: a busy flag while the action runs (one run at a time), the
 * check before sending, and the server's refusal shown as messages beside their fields plus one
 * above the form; messages are cleared on the next submit and focus moves to the first invalid
 * control. Nothing is updated once the form is gone.
 */
export function useFormSubmit<A extends unknown[] = []>(
  action: (...args: A) => Promise<unknown>,
  options: FormSubmitOptions<A> = {},
): FormSubmit<A> {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const latest = useRef({ action, options });
  const running = useRef(false);
  const mounted = useRef(false);
  /** Where to look for the first invalid control once the messages are shown. */
  const focusIn = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    latest.current = { action, options };
  });

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const container = focusIn.current;
    focusIn.current = null;
    if (container) focusFirstInvalid(container, errors);
  }, [errors]);

  const show = useCallback(
    (fields: FieldErrors, message: string | null, container: HTMLElement | null) => {
      focusIn.current = container;
      setErrors(fields);
      setFormError(message);
    },
    [],
  );

  const submit = useCallback(
    async (target?: FormEvent<HTMLElement> | HTMLElement | null, ...args: A) => {
      let container: HTMLElement | null = null;
      if (target instanceof HTMLElement) container = target;
      else if (target) {
        target.preventDefault();
        container = target.currentTarget;
      }
      if (running.current) return;
      const { validate, invalidMessage = CORRECT_FIELDS_MESSAGE, focus } = latest.current.options;
      const found = validate?.(...args) ?? {};
      if (Object.keys(found).length > 0) {
        const message =
          typeof invalidMessage === 'function' ? invalidMessage(...args) : invalidMessage;
        show(found, message, focus === 'none' ? null : container);
        return;
      }
      show({}, null, null);
      running.current = true;
      setBusy(true);
      try {
        await latest.current.action(...args);
      } catch (error) {
        if (!mounted.current) return;
        const current = latest.current.options;
        if (current.onError?.(error)) return;
        const fields =
          error instanceof ApiError ? (current.toFieldErrors?.(error) ?? error.fieldErrors()) : {};
        const message = current.toFormError?.(error) ?? errorMessage(error);
        show(fields, message, (current.focus ?? 'all') === 'all' ? container : null);
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [show],
  );

  const clearFieldError = useCallback((name: string) => {
    setErrors((current) => {
      if (!Object.hasOwn(current, name)) return current;
      const rest = { ...current };
      delete rest[name];
      return rest;
    });
  }, []);

  const reset = useCallback(() => show({}, null, null), [show]);

  return {
    submit,
    busy,
    errors,
    fieldError: (name) => (Object.hasOwn(errors, name) ? errors[name] : undefined),
    formError,
    clearFieldError,
    reset,
  };
}

/**
 * Focuses the first control in `container`, in page order, that is marked invalid or is named
 * after a field in error (a checkbox of a group whose fieldset carries the mark); controls that
 * cannot take focus are passed over.
 */
function focusFirstInvalid(container: HTMLElement, errors: FieldErrors): void {
  for (const control of container.querySelectorAll<HTMLElement>('[aria-invalid="true"], [name]')) {
    const name = control.getAttribute('name');
    const invalid =
      control.getAttribute('aria-invalid') === 'true' ||
      (name !== null && Object.hasOwn(errors, name));
    if (!invalid) continue;
    control.focus();
    if (control.ownerDocument.activeElement === control) return;
  }
}
