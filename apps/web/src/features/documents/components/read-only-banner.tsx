import type { DocumentSyncState } from '@vigil/client';
import type { DraftDocument } from '../api/documents-api';

/** Why the text cannot be changed here, or null when it can. */
export function readOnlyReason(
  doc: DraftDocument,
  state: DocumentSyncState | null,
  answered: boolean,
  canDraft: boolean,
): string | null {
  if (doc.status === 'transmitted')
    return 'This document was transmitted and can no longer be changed. A new revision starts a new draft.';
  if (doc.status === 'approved')
    return 'This document is approved: its text is frozen. An adviser may return it for drafting.';
  // The server's own word (a refusal, or the right to edit withdrawn while open) says most.
  if (state?.error) return state.error;
  if (!canDraft || !doc.canEdit) return 'You may read this document but not change it.';
  if (answered && state?.readOnly) return 'You may read this document but not change it.';
  return null;
}

/** A visible note above the editor when it is read-only, with the reason. */
export function ReadOnlyBanner({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p className="doc-banner" role="note">
      <strong>Read only.</strong> {reason}
    </p>
  );
}
