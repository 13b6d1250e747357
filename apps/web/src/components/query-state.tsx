import { errorMessage } from '../lib/api-client';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** Error panel for a failed query, with an optional retry button. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  return (
    <div role="alert" className="alert alert--error">
      <span>{errorMessage(error)}</span>
      {onRetry ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Small inline loading indicator (polite live region, deliberately not `role="status"`). */
export function LoadingIndicator({ label = 'Loading…' }: { label?: string }) {
  return (
    <p aria-live="polite" className="loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
