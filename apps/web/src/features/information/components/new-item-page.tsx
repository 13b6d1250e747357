import { useNavigate, useSearchParams } from 'react-router';
import { readableClassifications } from '@vigil/domain';
import { LoadingIndicator } from '../../../components/query-state';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCurrentUser } from '../../auth/hooks/current-user-context';
import { useCase } from '../../situations/hooks/use-cases';
import type { CaseOption } from '../api/information-api';
import { useCreateItem } from '../hooks/use-information-actions';
import { ItemForm } from './item-form';
import { emptyItemForm, toCreateBody } from './item-form-values';

/** `/information/new` (optionally `?caseId=` to link a situation): record an information item. */
export function NewItemPage() {
  useDocumentTitle('Record information');
  const [searchParams] = useSearchParams();
  const caseId = searchParams.get('caseId') ?? '';
  return (
    <section className="page" aria-labelledby="new-item-title">
      <h1 id="new-item-title">Record information</h1>
      <p className="muted">
        Fields marked as required must be filled in. The grade combines the source’s reliability
        (A–F) with the credibility of this piece of information (1–6).
      </p>
      {caseId ? <WithLinkedCase caseId={caseId} /> : <NewItemForm linked={[]} />}
    </section>
  );
}

/** Waits for the situation named in the address so the form starts linked to it. */
function WithLinkedCase({ caseId }: { caseId: string }) {
  const item = useCase(caseId);
  if (item.isPending) return <LoadingIndicator label="Loading the situation…" />;
  const linked: CaseOption[] = item.data
    ? [{ id: item.data.id, reference: item.data.reference, title: item.data.title }]
    : [];
  return <NewItemForm linked={linked} />;
}

function NewItemForm({ linked }: { linked: CaseOption[] }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const create = useCreateItem();
  const classifications = readableClassifications(user.clearance);
  const classification = classifications.includes('confidential') ? 'confidential' : 'unclassified';
  return (
    <ItemForm
      initial={() => emptyItemForm(classification, linked)}
      submitLabel="Record information"
      cancelTo="/information"
      onSave={async (values) => {
        const created = await create.mutateAsync(toCreateBody(values));
        void navigate(`/information/${created.id}`, {
          state: { announcement: `Information recorded, graded ${created.grade}.` },
        });
      }}
    />
  );
}
