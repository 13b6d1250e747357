import { useId } from 'react';
import { CLEARANCE_LABELS, type User } from '../../../lib/api-types';
import { UserStatus } from './user-status';

interface UsersTableProps {
  users: User[];
  onEdit: (user: User) => void;
}

/** Users with roles, clearance, organisation and status; one "Edit" action per row. */
export function UsersTable({ users, onEdit }: UsersTableProps) {
  const idPrefix = useId();
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Display name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roles</th>
            <th scope="col">Clearance</th>
            <th scope="col">Organisation</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const nameId = `${idPrefix}-${user.id}`;
            return (
              <tr key={user.id}>
                <th scope="row" id={nameId} className="table__primary">
                  {user.displayName}
                </th>
                <td className="table__wrap">{user.email}</td>
                {/* No role at all: created with a role that awaits a second administrator. */}
                <td>{user.roles.length > 0 ? user.roles.join(', ') : 'none yet'}</td>
                <td>{CLEARANCE_LABELS[user.clearance] ?? user.clearance}</td>
                <td>
                  <abbr title={user.organisation.name}>{user.organisation.acronym}</abbr>
                </td>
                <td>
                  <UserStatus user={user} now={now} />
                </td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-describedby={nameId}
                    onClick={() => onEdit(user)}
                  >
                    Edit
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
