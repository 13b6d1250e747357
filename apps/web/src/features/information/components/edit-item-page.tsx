import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NotFoundPage } from '../../shell/components/not-found-page';
import type { InformationItem } from '../api/information-api';
import { useItem } from '../hooks/use-information';
import { useUpdateItem } from '../hooks/use-information-actions';
import { ItemForm } from './item-form';
import { itemToForm, toUpdateBody } from './item-form-values';
import { VisibleText } from '../../../components/visible-text';

/** `/information/:id/edit`: change an item; the version read is sent, a newer one is a conflict. */
export function EditItemPage() {
  const { id = '' } = useParams();
  const item = useItem(id);
  useDocumentTitle(item.data ? `Edit: ${item.data.title}` : 'Edit information');

  if (item.isPending) return <LoadingIndicator label="Loading the item…" />;
  if (item.isError) {
    if (item.error instanceof ApiError && [400, 403, 404].includes(item.error.statusCode))
      return <NotFoundPage />;
    return <QueryError error={item.error} onRetry={() => void item.refetch()} />;
  }
  const data = item.data;

  return (
    <section className="page" aria-labelledby="edit-item-title">
      <p className="breadcrumb">
        <Link to={`/information/${id}`}>
          ← <VisibleText text={data.title} />
        </Link>
      </p>
      <h1 id="edit-item-title">Edit information</h1>
      {data.canEdit ? (
        <EditItemForm item={data} onReload={async () => (await item.refetch()).data} />
      ) : (
        <>
          <p>You may read this item but not edit it.</p>
          <p>
            <Link to={`/information/${id}`}>Back to the item</Link>
          </p>
        </>
      )}
    </section>
  );
}

interface EditItemFormProps {
  item: InformationItem;
  onReload: () => Promise<InformationItem | undefined>;
}

/**
 * The form keeps the version it started from: a newer one arriving in the background must not
 * slip under the user's edits; only a save of theirs or an explicit reload moves it.
 */
function EditItemForm({ item, onReload }: EditItemFormProps) {
  const navigate = useNavigate();
  const update = useUpdateItem(item.id);
  const [base, setBase] = useState(item);
  return (
    <ItemForm
      initial={() => itemToForm(base)}
      submitLabel="Save changes"
      cancelTo={`/information/${item.id}`}
      onSave={async (values) => {
        await update.mutateAsync(toUpdateBody(values, base.version));
        void navigate(`/information/${item.id}`, { state: { announcement: 'Changes saved.' } });
      }}
      onReload={async () => {
        const fresh = await onReload();
        if (!fresh) return undefined;
        setBase(fresh);
        return itemToForm(fresh);
      }}
    />
  );
}
