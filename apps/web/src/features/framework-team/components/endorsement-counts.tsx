import { plural } from '../../../lib/format';
import type { EndorsementCount } from '../api/priority-situations-api';

/** "3 endorsements" and the count per entity (the entity's acronym with its name as a tooltip). */
export function EndorsementCounts({
  total,
  byOrganisation,
}: {
  total: number;
  byOrganisation: EndorsementCount[];
}) {
  if (total === 0) return <p className="muted">No endorsements yet.</p>;
  return (
    <>
      <p>
        <strong>{plural(total, 'endorsement')}</strong> from{' '}
        {plural(byOrganisation.length, 'entity', 'entities')}
      </p>
      <ul className="endorsement-counts" aria-label="Endorsements per entity">
        {byOrganisation.map((org) => (
          <li key={org.organisationId} className="endorsement-counts__item">
            <abbr title={org.name}>{org.acronym}</abbr>: {org.count}
          </li>
        ))}
      </ul>
    </>
  );
}
