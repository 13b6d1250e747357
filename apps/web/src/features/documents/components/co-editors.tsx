import { useEffect, useId, useState } from 'react';
import type { DocumentProvider } from '@vigil/client';

interface CoEditor {
  key: string;
  name: string;
  color: string;
  self: boolean;
}

/** People in the document now (from awareness), each person once, this one first. */
function editorsOf(provider: DocumentProvider): CoEditor[] {
  const selfId = provider.doc.clientID;
  const byPerson = new Map<string, CoEditor>();
  for (const [clientId, state] of provider.awareness.getStates()) {
    const user: unknown = (state as Record<string, unknown>)['user'];
    if (typeof user !== 'object' || user === null) continue;
    const { name, color, userId } = user as Record<string, unknown>;
    if (typeof name !== 'string') continue;
    const key = typeof userId === 'string' ? userId : String(clientId);
    const self = clientId === selfId;
    const known = byPerson.get(key);
    byPerson.set(key, {
      key,
      name,
      color: typeof color === 'string' ? color : '#4a5461',
      self: self || (known?.self ?? false),
    });
  }
  return [...byPerson.values()].sort((a, b) => Number(b.self) - Number(a.self));
}

interface CoEditorsProps {
  provider: DocumentProvider;
  /** Connected to the document: others' states are current only while joined. */
  joined: boolean;
}

/** "Editing now": the names and caret colours of everyone in the document. */
export function CoEditors({ provider, joined }: CoEditorsProps) {
  const [all, setEditors] = useState<CoEditor[]>(() => editorsOf(provider));
  const editors = joined ? all : all.filter((editor) => editor.self);
  const labelId = useId();

  useEffect(() => {
    const update = () => setEditors(editorsOf(provider));
    update();
    provider.awareness.on('change', update);
    return () => provider.awareness.off('change', update);
  }, [provider]);

  return (
    <div className="co-editors">
      <span id={labelId} className="muted">
        Editing now
      </span>
      <ul className="co-editors__list" aria-labelledby={labelId}>
        {editors.map((editor) => (
          <li key={editor.key} className="co-editors__person">
            <span
              className="co-editors__swatch"
              style={{ backgroundColor: editor.color }}
              aria-hidden="true"
            />
            {editor.name}
            {editor.self ? <span className="muted"> (you)</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
