import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { formatDateTime } from '../../../lib/format';
import { useCaseDocuments } from '../hooks/use-documents';
import { DOCUMENT_KIND_LABELS } from './document-labels';
import { DocumentStatusBadge } from './document-status-badge';
import { NewDocumentDialog } from './new-document-dialog';
import { VisibleText, visibleText } from '../../../components/visible-text';

interface CaseDocumentsProps {
  caseId: string;
  canDraft: boolean;
}

/** The case page's documents: each with its kind and status, and "New document". */
export function CaseDocuments({ caseId, canDraft }: CaseDocumentsProps) {
  const documents = useCaseDocuments(caseId);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  return (
    <section className="card" aria-labelledby="documents-title">
      <div className="card__header">
        <h2 id="documents-title" className="card__title">
          Documents
        </h2>
        {canDraft ? (
          <div className="card__actions">
            <button
              type="button"
              className="button button--small button--primary"
              onClick={() => setCreating(true)}
            >
              New document
            </button>
          </div>
        ) : null}
      </div>
      {documents.isPending ? (
        <LoadingIndicator label="Loading documents…" />
      ) : documents.isError ? (
        <QueryError error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.length === 0 ? (
        <p className="muted">
          No document yet.
          {canDraft ? ' Start an early-warning note or advice with “New document”.' : ''}
        </p>
      ) : (
        <ul className="doc-list" aria-label="Documents of this situation">
          {documents.data.map((doc) => (
            <li key={doc.id} className="doc-list__item">
              <Link to={`/situations/${caseId}/documents/${doc.id}`} className="doc-list__title">
                <VisibleText text={doc.title} />
              </Link>
              <span className="doc-list__meta">
                <span className="muted">{DOCUMENT_KIND_LABELS[doc.kind]}</span>
                <DocumentStatusBadge status={doc.status} />
                <span className="muted">Updated {formatDateTime(doc.updatedAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <NewDocumentDialog
          caseId={caseId}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void navigate(`/situations/${caseId}/documents/${created.id}`, {
              state: { announcement: `Document “${visibleText(created.title)}” created.` },
            });
          }}
        />
      ) : null}
    </section>
  );
}
