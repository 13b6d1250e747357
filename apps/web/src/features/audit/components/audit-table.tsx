import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../api/audit-api';

/** Audit entries, newest order as returned by the API. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <caption className="visually-hidden">Audit log entries</caption>
        <thead>
          <tr>
            <th scope="col">Seq</th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Entity ID</th>
            <th scope="col">Request ID</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row" className="table__numeric">
                {entry.seq}
              </th>
              <td className="table__nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td className="table__wrap">
                {entry.actorEmail ?? <span className="muted">system</span>}
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.entity}</td>
              <td className="table__id">{entry.entityId ?? '—'}</td>
              <td className="table__id">{entry.requestId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
