import { useState } from 'react';
import { LoadingIndicator, QueryError } from '../../../components/query-state';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { saveDownload } from '../../information/api/save-download';
import { downloadVersionPdf, type DraftDocument } from '../api/documents-api';
import { useDocumentVersions } from '../hooks/use-documents';
import { DOCUMENT_STATUS_LABELS, VERSION_REASON_LABELS, shortHash } from './document-labels';
import { VersionDiff } from './version-diff';

/** A safe file name from the title: letters, digits and dashes. */
function fileName(title: string, number: number): string {
  const base = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'document';
  return `${base}-v${number}.pdf`;
}

/** The frozen versions of a document (newest first), each with its PDF, and the diff. */
export function VersionList({ doc }: { doc: DraftDocument }) {
  const versions = useDocumentVersions(doc.id);
  const [downloading, setDownloading] = useState<number | null>(null);
  const [message, setMessage] = useState('');

  const download = async (number: number) => {
    setDownloading(number);
    setMessage(`Preparing the PDF of version ${number}…`);
    try {
      const { blob, disposition } = await downloadVersionPdf(doc.id, number);
      saveDownload(blob, disposition, fileName(doc.title, number));
      setMessage(`The PDF of version ${number} was downloaded.`);
    } catch (error) {
      setMessage(`Could not download the PDF: ${errorMessage(error)}`);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title" className="card__title">
        Versions
      </h2>
      {versions.isPending ? (
        <LoadingIndicator label="Loading versions…" />
      ) : versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <p className="muted">No version yet. “Save version” freezes the text as it is.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--dense">
              <caption className="visually-hidden">Saved versions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Status</th>
                  <th scope="col">By, when</th>
                  <th scope="col">SHA-256</th>
                  <th scope="col">
                    <span className="visually-hidden">PDF</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...versions.data]
                  .sort((a, b) => b.number - a.number)
                  .map((v) => (
                    <tr key={v.id}>
                      <td className="table__numeric">{v.number}</td>
                      <td className="table__wrap">{VERSION_REASON_LABELS[v.reason]}</td>
                      <td>{DOCUMENT_STATUS_LABELS[v.status]}</td>
                      <td>
                        {v.createdBy.displayName}
                        <br />
                        <span className="muted table__nowrap">{formatDateTime(v.createdAt)}</span>
                      </td>
                      <td>
                        <code title={v.sha256} className="doc-hash">
                          {shortHash(v.sha256)}
                        </code>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--small"
                          disabled={downloading !== null}
                          onClick={() => void download(v.number)}
                        >
                          PDF<span className="visually-hidden"> of version {v.number}</span>
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <p role="status" className="page__status">
            {message}
          </p>
          <VersionDiff documentId={doc.id} versions={versions.data} />
        </>
      )}
    </section>
  );
}
