import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../api/audit-api';
import { AuditDiff } from './audit-diff';

/** Characters of a hash shown in the table; the whole hash is in the tooltip and for readers. */
const HASH_PREFIX = 12;

/** One cell; `label` names it where the table is shown as a list of cards (narrow screens). */
function Cell({
  label,
  className,
  title,
  children,
}: {
  label: string;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <td data-label={label} className={className} title={title}>
      <div className="audit-table__value">{children}</div>
    </td>
  );
}

/**
 * Audit entries, newest order as returned by the API: who, when, what and which record always;
 * the changed values only where the reader may read them.
 */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--dense audit-table">
        <caption className="visually-hidden">Audit log entries</caption>
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Changes</th>
            <th scope="col">Request ID</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row" data-label="Seq" className="table__numeric">
                <div className="audit-table__value">{entry.seq}</div>
              </th>
              <Cell label="Time" className="audit-table__time">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Cell>
              <Cell label="Actor" className="audit-table__actor">
                {entry.actorEmail ?? <span className="muted">system</span>}
              </Cell>
              <Cell label="Action">
                <code>{entry.action}</code>
              </Cell>
              <Cell label="Record" className="audit-table__record">
                <span className="audit-table__entity">{entry.entity}</span>{' '}
                <span className="table__id">{entry.entityId ?? '—'}</span>
              </Cell>
              <Cell label="Changes" className="audit-table__changes">
                <AuditDiff entry={entry} />
              </Cell>
              <Cell label="Request ID" className="table__id">
                {entry.requestId ?? '—'}
              </Cell>
              <Cell label="Hash" className="table__id audit-table__hash" title={entry.hash}>
                <span aria-hidden="true">{entry.hash.slice(0, HASH_PREFIX)}…</span>
                <span className="visually-hidden">{entry.hash}</span>
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
