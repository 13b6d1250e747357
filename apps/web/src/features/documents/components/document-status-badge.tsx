import type { DocumentStatus } from '../api/documents-api';
import { DOCUMENT_STATUS_LABELS } from './document-labels';

/** A document's status as a chip: words and a shape, colour only as a second cue. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <span className={`doc-status doc-status--${status}`}>{DOCUMENT_STATUS_LABELS[status]}</span>
  );
}
