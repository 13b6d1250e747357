import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Optional short text under the title. */
  description?: string;
}

const FOCUSABLE_FIELD =
  '[autofocus], input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * Modal dialog built on the native `<dialog>` element (top layer, inert background).
 * Mount it only while open. Escape closes it; focus moves to the first field on open
 * and back to the previously focused element on close.
 */
export function Dialog({ title, onClose, children, description }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>(FOCUSABLE_FIELD);
    (first ?? dialog).focus();
    return () => {
      // Return focus once the dialog is gone (after React removed it from the DOM).
      window.setTimeout(() => {
        if (previouslyFocused?.isConnected) previouslyFocused.focus();
      }, 0);
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      tabIndex={-1}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
      onClose={() => onCloseRef.current()}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button
          type="button"
          className="button button--ghost button--icon"
          onClick={() => onCloseRef.current()}
        >
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">Close dialog</span>
        </button>
      </div>
      {description ? (
        <p id={descriptionId} className="dialog__description">
          {description}
        </p>
      ) : null}
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
