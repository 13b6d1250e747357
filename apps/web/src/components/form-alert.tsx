/**
 * Form-level message. Rendered only when there is a message so it is announced on insertion.
 * `error`: something failed; `notice`: something the person should know (signed out elsewhere).
 */
export function FormAlert({
  message,
  tone = 'error',
}: {
  message: string | null | undefined;
  tone?: 'error' | 'notice';
}) {
  if (!message) return null;
  return (
    <div role="alert" className={`alert alert--${tone}`}>
      <span>{message}</span>
    </div>
  );
}
