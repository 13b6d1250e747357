/** Form-level error message. Rendered only when there is a message so it is announced on insertion. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert--error">
      {message}
    </div>
  );
}
