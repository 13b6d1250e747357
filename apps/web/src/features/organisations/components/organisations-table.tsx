import { useId } from 'react';
import { ORGANISATION_KIND_LABELS, type Organisation } from '../../../lib/api-types';

interface OrganisationsTableProps {
  organisations: Organisation[];
  onEdit: (organisation: Organisation) => void;
}

/** Table of organisations with an "Edit" action per row. */
export function OrganisationsTable({ organisations, onEdit }: OrganisationsTableProps) {
  const idPrefix = useId();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Organisations</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Acronym</th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {organisations.map((organisation) => {
            const nameId = `${idPrefix}-${organisation.id}`;
            return (
              <tr key={organisation.id}>
                <th scope="row" id={nameId} className="table__primary">
                  {organisation.name}
                </th>
                <td>{organisation.acronym}</td>
                <td>{ORGANISATION_KIND_LABELS[organisation.kind] ?? organisation.kind}</td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-describedby={nameId}
                    onClick={() => onEdit(organisation)}
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
