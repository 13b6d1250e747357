import { Link, useNavigate, useParams } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NotFoundPage } from '../../shell/components/not-found-page';
import { useItem } from '../hooks/use-information';
import { useUpdateItem } from '../hooks/use-information-actions';
import { ItemForm } from './item-form';
import { itemToForm, toUpdateBody } from './item-form-values';

/** `/information/:id/edit`: change an item; the version read is sent, a newer one is a conflict. */
export function EditItemPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const item = useItem(id);
  const update = useUpdateItem(id);
  useDocumentTitle(item.data ? `Edit: ${item.data.title}` : 'Edit information');

  if (item.isPending) return <LoadingIndicator label="Loading the item…" />;
  if (item.isError) {
    if (item.error instanceof ApiError && [400, 403, 404].includes(item.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const data = item.data;
  const version = data.version;
  if (!data.canEdit) {
    return (
      <section className="page" aria-labelledby="edit-item-title">
        <h1 id="edit-item-title">Edit information</h1>
        <p>You may read this item but not edit it.</p>
        <p>
          <Link to={`/information/${id}`}>Back to the item</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="edit-item-title">
      <p className="breadcrumb">
        <Link to={`/information/${id}`}>← {data.title}</Link>
      </p>
      <h1 id="edit-item-title">Edit information</h1>
      <ItemForm
        // A reload starts again from the newest version.
        key={version}
        initial={() => itemToForm(data)}
        submitLabel="Save changes"
        cancelTo={`/information/${id}`}
        onSave={async (values) => {
          await update.mutateAsync(toUpdateBody(values, version));
          void navigate(`/information/${id}`, { state: { announcement: 'Changes saved.' } });
        }}
        onReload={async () => {
          const fresh = (await item.refetch()).data;
          return fresh ? itemToForm(fresh) : undefined;
        }}
      />
    </section>
  );
}
