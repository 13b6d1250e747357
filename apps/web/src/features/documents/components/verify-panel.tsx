import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import type { DraftDocument } from '../api/documents-api';
import { useVerifyDocument } from '../hooks/use-documents';

/** A transmitted document's proof: to whom and when, its sha256, and a check against it. */
export function VerifyPanel({ doc }: { doc: DraftDocument }) {
  const verify = useVerifyDocument(doc.id);
  if (doc.status !== 'transmitted') return null;
  let text = '';
  let tone = '';
  if (verify.isPending) text = 'Recomputing the hash…';
  else if (verify.isError) {
    text = `Could not verify: ${errorMessage(verify.error)}`;
    tone = 'verify-result--error';
  } else if (verify.data) {
    text = verify.data.matches
      ? 'Verified: the stored text matches the transmitted hash.'
      : `Does not match: the text now hashes to ${verify.data.sha256Computed}.`;
    tone = verify.data.matches ? 'verify-result--ok' : 'verify-result--error';
  }
  return (
    <section className="card" aria-labelledby="transmission-title">
      <h2 id="transmission-title" className="card__title">
        Transmission
      </h2>
      <dl className="doc-proof">
        <dt>Transmitted to</dt>
        <dd>{doc.transmittedTo ?? '—'}</dd>
        <dt>On</dt>
        <dd>{doc.transmittedAt ? formatDateTime(doc.transmittedAt) : '—'}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="doc-hash doc-hash--full" data-testid="transmitted-sha256">
            {doc.transmittedSha256 ?? '—'}
          </code>
        </dd>
      </dl>
      <div className="doc-verify">
        <button
          type="button"
          className="button"
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
        >
          Verify
        </button>
        <p role="status" className={['verify-result', tone].filter(Boolean).join(' ')}>
          {text}
        </p>
      </div>
    </section>
  );
}
