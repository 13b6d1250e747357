import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { ROLE_CAPABILITIES } from './role-capabilities';

/** `/`: greets the user and explains what their roles let them do. */
export function OverviewPage() {
  useDocumentTitle('Overview');
  const user = useCurrentUser();
  // Ignore roles this client does not know about yet.
  const knownRoles = user.roles.filter((role) => Object.hasOwn(ROLE_CAPABILITIES, role));
  return (
    <section className="page" aria-labelledby="overview-title">
      <h1 id="overview-title">Welcome, {user.displayName}</h1>
      <div className="card">
        <h2 className="card__title">Your account</h2>
        <dl className="details">
          <dt>Roles</dt>
          <dd>{user.roles.join(', ')}</dd>
          <dt>Clearance</dt>
          <dd>{CLEARANCE_LABELS[user.clearance]}</dd>
          <dt>Organisation</dt>
          <dd>
            {user.organisation.name} ({user.organisation.acronym})
          </dd>
        </dl>
      </div>
      <div className="card">
        <h2 className="card__title">What you can do</h2>
        {knownRoles.length === 0 ? (
          <p>You have no roles yet. Ask an administrator to assign one.</p>
        ) : (
          knownRoles.map((role) => (
            <div key={role} className="capabilities">
              <h3 className="capabilities__role">
                {ROLE_CAPABILITIES[role].heading} ({role})
              </h3>
              <ul>
                {ROLE_CAPABILITIES[role].abilities.map((ability) => (
                  <li key={ability}>{ability}</li>
                ))}
              </ul>
            </div>
          ))
        )}
      </div>
    </section>
  );
}
