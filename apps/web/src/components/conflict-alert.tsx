interface ConflictAlertProps {
  message: string;
  onReload: () => void;
  reloading?: boolean;
}

/** "Someone else changed this": the reason and a button that fetches their version. */
export function ConflictAlert({ message, onReload, reloading = false }: ConflictAlertProps) {
  return (
    <div role="alert" className="alert alert--error">
      <span>{message}</span>
      <button
        type="button"
        className="button button--small"
        onClick={onReload}
        disabled={reloading}
        aria-busy={reloading}
      >
        Reload
      </button>
    </div>
  );
}
