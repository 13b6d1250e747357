import { useState } from 'react';
import { Navigate } from 'react-router';
import { FormAlert } from '../../../components/form-alert';
import { TextField } from '../../../components/text-field';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { beginRestore, dismissNotice } from '../../../lib/auth-session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useFormSubmit, type FieldErrors } from '../../../lib/use-form-submit';
import { useSession } from '../hooks/use-session';
import { useSignIn } from '../hooks/use-sign-in';

const TOO_MANY_ATTEMPTS = 'Too many attempts. Please wait a moment and try again.';

/** Maps sign-in failures to plain-language messages (server message first). */
function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.statusCode === 429) {
    const base =
      /too many/i.test(error.message) && !/throttler/i.test(error.message)
        ? error.message
        : TOO_MANY_ATTEMPTS;
    return error.retryAfterSeconds
      ? `${base} You can try again in ${error.retryAfterSeconds} seconds.`
      : base;
  }
  return errorMessage(error);
}

/**
 * `/sign-in`: e-mail + password form, with the reason this tab was signed out (if any) and, when
 * someone signed in in another tab of this browser, a button to continue here as that person.
 */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit(
    () => {
      dismissNotice();
      return signIn.mutateAsync({ email: email.trim(), password });
    },
    {
      validate: () => {
        const errors: FieldErrors = {};
        if (!email.trim()) errors['email'] = 'Enter your e-mail address.';
        if (!password) errors['password'] = 'Enter your password.';
        return errors;
      },
      invalidMessage: null,
      onError: () => {
        setPassword('');
        return false;
      },
      toFormError: signInErrorMessage,
      focus: 'check',
    },
  );

  if (session.status === 'authenticated') return <Navigate to="/" replace />;

  const elsewhere = session.elsewhere;
  const continueHere = () => {
    dismissNotice();
    beginRestore();
  };

  return (
    <main className="sign-in" id="main">
      <div className="sign-in__card">
        <p className="sign-in__brand" aria-hidden="true">
          Vigil
        </p>
        <h1 className="sign-in__title">Sign in to Vigil</h1>
        <p className="muted">
          Case management and early warning for the Office on Genocide Prevention.
        </p>
        {form.formError ? (
          <FormAlert message={form.formError} />
        ) : (
          <FormAlert message={session.notice} tone="notice" />
        )}
        {elsewhere ? (
          <div className="sign-in__continue">
            <button
              type="button"
              className="button button--primary button--block"
              onClick={continueHere}
            >
              Continue as {elsewhere.displayName}
            </button>
            <p className="sign-in__or">or sign in with another account</p>
          </div>
        ) : null}
        <form
          className="form"
          onSubmit={(event) => void form.submit(event)}
          noValidate
          aria-busy={form.busy}
        >
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            autoFocus={!elsewhere}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={form.fieldError('email')}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={form.fieldError('password')}
          />
          <button
            type="submit"
            className={`button button--block${elsewhere ? '' : ' button--primary'}`}
            disabled={form.busy}
          >
            Sign in
          </button>
          <p aria-live="polite" className="visually-hidden">
            {form.busy ? 'Signing in…' : ''}
          </p>
        </form>
      </div>
    </main>
  );
}
