import { Link } from 'react-router';
import type { Case } from '../api/cases-api';
import { NextReview, StageBadge, riskText } from './stage';
import { VisibleText } from '../../../components/visible-text';

/** Situations with reference, title, country, stage, risk, next review and lead analyst. */
export function SituationsTable({ cases }: { cases: Case[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Situations</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Title</th>
            <th scope="col">Country</th>
            <th scope="col">Stage</th>
            <th scope="col">Risk level</th>
            <th scope="col">Next review</th>
            <th scope="col">Lead analyst</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((item) => (
            <tr key={item.id}>
              <td className="table__nowrap">
                <Link to={`/situations/${item.id}`}>{item.reference}</Link>
              </td>
              <th scope="row" className="table__primary table__wrap">
                <VisibleText text={item.title} />
                {item.prioritySituation ? (
                  <span className="badge badge--warning priority-badge">Priority</span>
                ) : null}
              </th>
              <td>{item.countryName}</td>
              <td>
                <StageBadge stage={item.stage} pending={item.subState === 'pending'} />
              </td>
              <td>{riskText(item)}</td>
              <td className="table__nowrap">
                <NextReview item={item} />
              </td>
              <td>{item.leadAnalyst?.displayName ?? <span className="muted">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
