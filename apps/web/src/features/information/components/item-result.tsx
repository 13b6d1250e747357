import { Link } from 'react-router';
import { CRIME_TYPE_LABELS, ITEM_KIND_LABELS } from '@vigil/domain';
import { HighlightedText } from '../../../components/highlighted-text';
import type { ItemSummary } from '../api/information-api';
import { GradeBadge } from './grade-badge';
import { SourceText } from './source-text';

/** One search result: highlighted title and snippet, grade, source, dates and links. */
export function ItemResult({ item }: { item: ItemSummary }) {
  const titleId = `item-${item.id}-title`;
  return (
    <li className="result">
      <article aria-labelledby={titleId}>
        <h3 id={titleId} className="result__title">
          <Link to={`/information/${item.id}`}>
            <HighlightedText segments={item.titleHighlight} />
          </Link>
        </h3>
        <p className="result__meta">
          <span className="badge badge--muted">{ITEM_KIND_LABELS[item.kind]}</span>{' '}
          {item.countryName}
          {item.placeName ? `, ${item.placeName}` : ''} · event {item.eventDate}
        </p>
        <p className="result__grade">
          <GradeBadge grade={item.grade} meaning={item.gradeMeaning} />
          <span className="result__source">
            Source: <SourceText source={item.source} />
          </span>
        </p>
        {item.snippet.length > 0 ? (
          <p className="result__snippet">
            <HighlightedText segments={item.snippet} />
          </p>
        ) : null}
        {item.crimeTypes.length > 0 || item.cases.length > 0 ? (
          <p className="result__tags muted">
            {item.crimeTypes.map((c) => CRIME_TYPE_LABELS[c]).join(', ')}
            {item.crimeTypes.length > 0 && item.cases.length > 0 ? ' · ' : ''}
            {item.cases.map((c, index) => (
              <span key={c.id}>
                {index > 0 ? ', ' : ''}
                <Link to={`/situations/${c.id}`}>{c.reference}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </article>
    </li>
  );
}
