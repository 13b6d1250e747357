import { Link, useParams } from 'react-router';
import { ITEM_KIND_LABELS } from '@vigil/domain';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useAnnouncement } from '../hooks/use-announcement';
import { useItem } from '../hooks/use-information';
import { AttachmentsCard } from './attachments-card';
import { GradeBadge } from './grade-badge';
import { ItemDetails } from './item-details';
import { SpeechAssessmentCard } from './speech-assessment-card';
import { VisibleText } from '../../../components/visible-text';

/** `/information/:id`: one item with its details, attachments and (for speech) Rabat assessment. */
export function ItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  const [announcement, setAnnouncement] = useAnnouncement();
  useDocumentTitle(item.data ? item.data.title : 'Information');

  if (item.isPending) return <LoadingIndicator label="Loading the item…" />;
  if (item.isError) {
    if (item.error instanceof ApiError && [400, 403, 404].includes(item.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const data = item.data;

  return (
    <article className="page" aria-labelledby="item-title">
      <p className="breadcrumb">
        <Link to="/information">← Information</Link>
      </p>
      <header className="item-header">
        <p className="item-header__kind">
          <span className="badge badge--muted">{ITEM_KIND_LABELS[data.kind]}</span>{' '}
          {data.countryName} · event {data.eventDate}
        </p>
        <div className="page__header">
          <h1 id="item-title">
            <VisibleText text={data.title} />
          </h1>
          {data.canEdit ? (
            <Link to={`/information/${data.id}/edit`} className="button">
              Edit
            </Link>
          ) : null}
        </div>
        <p>
          <GradeBadge grade={data.grade} meaning={data.gradeMeaning} />
        </p>
      </header>
      <p role="status" className="page__status">
        {announcement}
      </p>
      <div className="case-layout">
        <div className="case-layout__main">
          <section className="card" aria-labelledby="description-title">
            <h2 id="description-title" className="card__title">
              Description
            </h2>
            <p className="prewrap">{data.description}</p>
          </section>
          <ItemDetails item={data} />
          {data.kind === 'speech' ? (
            <SpeechAssessmentCard item={data} onDone={setAnnouncement} />
          ) : null}
        </div>
        <div className="case-layout__side">
          <AttachmentsCard item={data} onDone={setAnnouncement} />
        </div>
      </div>
    </article>
  );
}
