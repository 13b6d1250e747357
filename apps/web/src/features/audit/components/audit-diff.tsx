import type { AuditEntry } from '../api/audit-api';

/** Longest value shown in the table; the whole value is in the cell's tooltip. */
const MAX_VALUE_LENGTH = 80;

/** A diff value in words: `from → to` for a change, lists joined, anything else compact JSON. */
export function formatDiffValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(formatDiffValue).join(', ') || '(none)';
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    return `${formatDiffValue(value.from)} → ${formatDiffValue(value.to)}`;
  }
  return JSON.stringify(value);
}

function shorten(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * What an entry changed, as far as the reader may know: the values of fields they may read, the
 * names of fields whose values are withheld from them ("title, summary: withheld"), and, for a
 * record they may not read at all, that its content is withheld.
 */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const withheld = entry.withheldFields ?? [];
  const readable = Object.entries(entry.diff).filter(([name]) => !withheld.includes(name));
  if (!entry.contentWithheld && withheld.length === 0 && readable.length === 0) {
    return <span className="muted">—</span>;
  }
  return (
    <div className="audit-diff">
      {entry.contentWithheld ? (
        <p className="audit-diff__withheld">
          <strong>Content withheld</strong>: you may not read this record.
        </p>
      ) : null}
      {readable.length > 0 ? (
        <dl className="audit-diff__fields">
          {readable.map(([name, value]) => {
            const text = formatDiffValue(value);
            return (
              <div key={name} className="audit-diff__field">
                <dt>{name}</dt>
                <dd title={text.length > MAX_VALUE_LENGTH ? text : undefined}>{shorten(text)}</dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      {withheld.length > 0 ? (
        <p className="audit-diff__withheld-fields">
          <span className="audit-diff__names">{withheld.join(', ')}</span>:{' '}
          <span className="audit-diff__withheld-word">withheld</span>
        </p>
      ) : null}
    </div>
  );
}
