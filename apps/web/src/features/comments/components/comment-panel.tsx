import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { THREAD_LABELS, type Thread } from '../api/comments-api';
import { CommentThread } from './comment-thread';

const HINTS: Record<Thread, string> = {
  internal: 'Office staff only.',
  framework_team: 'Read by the Framework Team and the Office.',
};

/**
 * The discussion card of a case. With several threads they are tabs (arrow keys move between
 * them); with one (the Framework Team's view) just that thread.
 */
export function CommentPanel({ caseId, threads }: { caseId: string; threads: Thread[] }) {
  const [selected, setSelected] = useState<Thread>(threads[0] ?? 'framework_team');
  const tabs = useRef(new Map<Thread, HTMLButtonElement>());
  const baseId = useId();
  const titleId = `${baseId}-title`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = threads.indexOf(selected);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    let next: Thread | undefined;
    if (step) next = threads[(index + step + threads.length) % threads.length];
    if (event.key === 'Home') next = threads[0];
    if (event.key === 'End') next = threads[threads.length - 1];
    if (!next) return;
    event.preventDefault();
    setSelected(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <section className="card comment-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {threads.length > 1 ? 'Discussion' : `${THREAD_LABELS[selected]} discussion`}
      </h2>
      {threads.length > 1 ? (
        <div role="tablist" aria-label="Threads" className="tabs" onKeyDown={onKeyDown}>
          {threads.map((thread) => (
            <button
              key={thread}
              ref={(el) => {
                if (el) tabs.current.set(thread, el);
                else tabs.current.delete(thread);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${thread}`}
              aria-selected={thread === selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={thread === selected ? 0 : -1}
              className="tabs__tab"
              onClick={() => setSelected(thread)}
            >
              {THREAD_LABELS[thread]}
            </button>
          ))}
        </div>
      ) : null}
      <div
        id={`${baseId}-panel`}
        role={threads.length > 1 ? 'tabpanel' : undefined}
        aria-labelledby={threads.length > 1 ? `${baseId}-tab-${selected}` : undefined}
      >
        <p className="muted">{HINTS[selected]}</p>
        <CommentThread key={selected} caseId={caseId} thread={selected} />
      </div>
    </section>
  );
}
