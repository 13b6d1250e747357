import { Link } from 'react-router';
import {
  ACTOR_TYPE_LABELS,
  CONSENT_LABELS,
  CREDIBILITY_MEANINGS,
  CRIME_TYPE_LABELS,
  EVENT_SUBTYPE_LABELS,
  EVENT_TYPE_LABELS,
  PRECISION_LABELS,
  RELIABILITY_MEANINGS,
  isCredibility,
} from '@vigil/domain';
import { CLEARANCE_LABELS } from '../../../lib/api-types';
import { formatDateTime } from '../../../lib/format';
import type { InformationItem } from '../api/information-api';
import { useFramework } from '../hooks/use-information';
import { SourceText } from './source-text';

const none = <span className="muted">None</span>;

/** Every recorded field of an item, as a description list. */
export function ItemDetails({ item }: { item: InformationItem }) {
  const framework = useFramework();
  const indicatorLabel = new Map(
    (framework.data?.factors ?? []).flatMap((f) => f.indicators.map((i) => [i.id, i.label])),
  );
  const precision = (p: number | null) =>
    p === 1 || p === 2 || p === 3 ? ` (${PRECISION_LABELS[p].toLowerCase()})` : '';
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title" className="card__title">
        Details
      </h2>
      <dl className="details">
        <dt>Event date</dt>
        <dd>
          {item.eventDate}
          {precision(item.timePrecision)}
        </dd>
        <dt>Received</dt>
        <dd>{item.receivedDate}</dd>
        <dt>Place</dt>
        <dd>
          {[item.placeName, item.adminArea, item.countryName].filter(Boolean).join(', ')}
          {precision(item.geoPrecision)}
          {item.latitude !== null && item.longitude !== null
            ? ` — ${item.latitude}, ${item.longitude}`
            : ''}
        </dd>
        <dt>Source</dt>
        <dd>
          <SourceText source={item.source} /> — reliability {item.source.reliability} (
          {RELIABILITY_MEANINGS[item.source.reliability]})
        </dd>
        <dt>Credibility</dt>
        <dd>
          {item.credibility}
          {isCredibility(item.credibility) ? ` (${CREDIBILITY_MEANINGS[item.credibility]})` : ''}
        </dd>
        <dt>Grade</dt>
        <dd>
          {item.grade}: {item.gradeMeaning}
        </dd>
        <dt>Crime types</dt>
        <dd>
          {item.crimeTypes.length
            ? item.crimeTypes.map((c) => CRIME_TYPE_LABELS[c]).join(', ')
            : none}
        </dd>
        <dt>Affected groups</dt>
        <dd>{item.affectedGroups.length ? item.affectedGroups.join(', ') : none}</dd>
        <dt>Indicators</dt>
        <dd>
          {item.indicatorIds.length ? (
            <ul className="plain-list">
              {item.indicatorIds.map((indicatorId) => (
                <li key={indicatorId}>
                  <strong>{indicatorId}</strong> {indicatorLabel.get(indicatorId) ?? ''}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        {item.kind === 'incident' ? (
          <>
            <dt>Event type</dt>
            <dd>
              {item.eventType ? EVENT_TYPE_LABELS[item.eventType] : none}
              {item.eventSubtype ? ` — ${EVENT_SUBTYPE_LABELS[item.eventSubtype]}` : ''}
            </dd>
            <dt>Actors</dt>
            <dd>
              {item.actorTypes.length
                ? item.actorTypes.map((a) => ACTOR_TYPE_LABELS[a]).join(', ')
                : none}
            </dd>
          </>
        ) : null}
        <dt>Situations</dt>
        <dd>
          {item.cases.length
            ? item.cases.map((c, index) => (
                <span key={c.id}>
                  {index > 0 ? ', ' : ''}
                  <Link to={`/situations/${c.id}`}>{c.reference}</Link>
                </span>
              ))
            : none}
        </dd>
        <dt>Consent</dt>
        <dd>{CONSENT_LABELS[item.consent]}</dd>
        <dt>Classification</dt>
        <dd>{CLEARANCE_LABELS[item.classification]}</dd>
        <dt>Recorded</dt>
        <dd>
          {formatDateTime(item.createdAt)} by {item.createdBy.displayName}
        </dd>
      </dl>
    </section>
  );
}
