import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import {
  CORRECT_FIELDS_MESSAGE,
  useFormSubmit,
  type FieldErrors,
  type FormSubmitOptions,
} from './use-form-submit';

/** A promise settled from outside, to hold an action while the test looks at the form. */
function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const refusal = new ApiError({
  statusCode: 400,
  error: 'Bad Request',
  message: 'Some fields need attention.',
  details: [
    { field: 'email', message: 'is already in use' },
    { field: 'roles.0', message: 'is not a role' },
  ],
});

describe('useFormSubmit', () => {
  it('is busy while the action runs and runs it once however often it is asked', async () => {
    const pending = deferred();
    const action = vi.fn(() => pending.promise);
    const { result } = renderHook(() => useFormSubmit(action));
    expect(result.current.busy).toBe(false);

    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.submit();
    });
    expect(result.current.busy).toBe(true);
    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(1);

    await act(async () => {
      pending.resolve();
      await first;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.formError).toBeNull();
    expect(result.current.errors).toEqual({});
  });

  it("puts a 400's details beside their fields and its message above the form", async () => {
    const { result } = renderHook(() => useFormSubmit(() => Promise.reject(refusal)));
    await act(() => result.current.submit());
    expect(result.current.busy).toBe(false);
    expect(result.current.fieldError('email')).toBe('is already in use');
    expect(result.current.fieldError('roles')).toBe('is not a role');
    expect(result.current.fieldError('password')).toBeUndefined();
    expect(result.current.formError).toBe('Some fields need attention.');
  });

  it('shows any other failure as a form-level message only', async () => {
    const { result } = renderHook(() =>
      useFormSubmit(() => Promise.reject(new Error('The server ran into a problem.'))),
    );
    await act(() => result.current.submit());
    expect(result.current.errors).toEqual({});
    expect(result.current.formError).toBe('The server ran into a problem.');

    const thrown = renderHook(() => useFormSubmit(() => Promise.reject('odd')));
    await act(() => thrown.result.current.submit());
    expect(thrown.result.current.formError).toBe('Something went wrong. Please try again.');
  });

  it('clears the messages when the form is sent again', async () => {
    const second = deferred();
    const action = vi.fn().mockRejectedValueOnce(refusal).mockReturnValueOnce(second.promise);
    const { result } = renderHook(() => useFormSubmit(action));
    await act(() => result.current.submit());
    expect(result.current.formError).not.toBeNull();

    let sending: Promise<void> = Promise.resolve();
    act(() => {
      sending = result.current.submit();
    });
    expect(result.current.busy).toBe(true);
    expect(result.current.errors).toEqual({});
    expect(result.current.formError).toBeNull();
    await act(async () => {
      second.resolve();
      await sending;
    });
  });

  it('checks before sending: the messages, the form-level one, and nothing sent', async () => {
    const action = vi.fn(() => Promise.resolve());
    const validate = vi.fn((): FieldErrors => ({ title: 'Enter a title.' }));
    const { result, rerender } = renderHook(
      (options: FormSubmitOptions<[]>) => useFormSubmit(action, options),
      { initialProps: { validate } as FormSubmitOptions<[]> },
    );
    await act(() => result.current.submit());
    expect(action).not.toHaveBeenCalled();
    expect(result.current.busy).toBe(false);
    expect(result.current.errors).toEqual({ title: 'Enter a title.' });
    expect(result.current.formError).toBe(CORRECT_FIELDS_MESSAGE);

    rerender({ validate, invalidMessage: null });
    await act(() => result.current.submit());
    expect(result.current.formError).toBeNull();

    rerender({ validate: () => ({}) });
    await act(() => result.current.submit());
    expect(action).toHaveBeenCalledTimes(1);
    expect(result.current.errors).toEqual({});
  });

  it('passes its arguments to the check, the message and the action', async () => {
    const action = vi.fn((_intent: 'save' | 'finalise') => Promise.resolve());
    const { result } = renderHook(() =>
      useFormSubmit(action, {
        validate: (intent): FieldErrors =>
          intent === 'finalise' ? { level: 'Choose a level.' } : {},
        invalidMessage: (intent) => `Not ready to ${intent}.`,
      }),
    );
    await act(() => result.current.submit(null, 'finalise'));
    expect(result.current.formError).toBe('Not ready to finalise.');
    await act(() => result.current.submit(null, 'save'));
    expect(action).toHaveBeenCalledWith('save');
  });

  it('lets the form take a refusal over, or reword it', async () => {
    const conflict = new ApiError({ statusCode: 409, error: 'Conflict', message: 'Stale.' });
    const onError = vi.fn(
      (error: unknown) => error instanceof ApiError && error.statusCode === 409,
    );
    const { result, rerender } = renderHook(
      (error: unknown) =>
        useFormSubmit(() => Promise.reject(error), {
          onError,
          toFieldErrors: (e) => ({ period: e.message }),
          toFormError: (e) => `Refused: ${e instanceof Error ? e.message : ''}`,
        }),
      { initialProps: conflict as unknown },
    );
    await act(() => result.current.submit());
    expect(onError).toHaveBeenCalledWith(conflict);
    expect(result.current.formError).toBeNull();

    rerender(refusal);
    await act(() => result.current.submit());
    expect(result.current.errors).toEqual({ period: 'Some fields need attention.' });
    expect(result.current.formError).toBe('Refused: Some fields need attention.');
  });

  it('drops one message, or all of them', async () => {
    const { result } = renderHook(() => useFormSubmit(() => Promise.reject(refusal)));
    await act(() => result.current.submit());
    act(() => result.current.clearFieldError('email'));
    expect(result.current.fieldError('email')).toBeUndefined();
    expect(result.current.fieldError('roles')).toBe('is not a role');
    act(() => result.current.reset());
    expect(result.current.errors).toEqual({});
    expect(result.current.formError).toBeNull();
  });

  it('leaves a form that is gone alone when its action settles', async () => {
    const pending = deferred();
    const onError = vi.fn(() => false);
    const toFormError = vi.fn(() => 'Refused.');
    const { result, unmount } = renderHook(() =>
      useFormSubmit(() => pending.promise, { onError, toFormError }),
    );
    let sending: Promise<void> = Promise.resolve();
    act(() => {
      sending = result.current.submit();
    });
    unmount();
    pending.reject(refusal);
    await sending;
    expect(onError).not.toHaveBeenCalled();
    expect(toFormError).not.toHaveBeenCalled();
  });
});

/** A small form wired as the app's forms are. */
function Form({
  action,
  options,
}: {
  action: () => Promise<void>;
  options?: FormSubmitOptions<[]>;
}) {
  const form = useFormSubmit(action, {
    validate: () => ({ email: 'Enter an e-mail address.', roles: 'Choose a role.' }),
    ...options,
  });
  return (
    <form noValidate aria-busy={form.busy} onSubmit={(event) => void form.submit(event)}>
      {form.formError ? <p role="alert">{form.formError}</p> : null}
      <label>
        Name <input name="name" aria-invalid={form.fieldError('name') ? true : undefined} />
      </label>
      <label>
        E-mail <input name="email" aria-invalid={form.fieldError('email') ? true : undefined} />
      </label>
      <fieldset aria-invalid={form.fieldError('roles') ? true : undefined}>
        <legend>Roles</legend>
        <label>
          Analyst <input type="checkbox" name="roles" />
        </label>
      </fieldset>
      <button type="submit" disabled={form.busy}>
        Send
      </button>
    </form>
  );
}

describe('useFormSubmit in a form', () => {
  it('focuses the first invalid control, in page order, after the check', async () => {
    const action = vi.fn(() => Promise.resolve());
    render(<Form action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe(CORRECT_FIELDS_MESSAGE);
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail'));
    expect(action).not.toHaveBeenCalled();
  });

  it('passes over a fieldset marked invalid to the control named after the field', async () => {
    render(
      <Form
        action={() => Promise.resolve()}
        options={{ validate: () => ({ roles: 'Choose a role.' }) }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Analyst' }));
  });

  it('focuses the first field the server refused, unless told to leave focus alone', async () => {
    const { unmount } = render(
      <Form action={() => Promise.reject(refusal)} options={{ validate: () => ({}) }} />,
    );
    const send = screen.getByRole('button', { name: 'Send' });
    await userEvent.click(send);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('E-mail')));
    expect(screen.getByRole('alert').textContent).toBe('Some fields need attention.');
    unmount();

    render(
      <Form
        action={() => Promise.reject(refusal)}
        options={{ validate: () => ({}), focus: 'check' }}
      />,
    );
    const again = screen.getByRole('button', { name: 'Send' });
    await userEvent.click(again);
    await screen.findByRole('alert');
    expect(document.activeElement).toBe(again);
  });

  it('is busy while sending: the form says so and the button is disabled', async () => {
    const pending = deferred();
    render(<Form action={() => pending.promise} options={{ validate: () => ({}) }} />);
    const send = screen.getByRole('button', { name: 'Send' });
    await userEvent.click(send);
    expect(send.closest('form')?.getAttribute('aria-busy')).toBe('true');
    expect((send as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      pending.resolve();
      await pending.promise;
    });
    expect(send.closest('form')?.getAttribute('aria-busy')).toBe('false');
  });
});
