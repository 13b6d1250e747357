import type { DocumentKind, DocumentStatus, VersionReason } from '../api/documents-api';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  early_warning_note: 'Early-warning note',
  advice_to_sg: 'Advice to the Secretary-General',
  public_statement: 'Public statement',
  briefing: 'Briefing',
};

export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  drafting: 'Drafting',
  in_review: 'In review',
  approved: 'Approved',
  transmitted: 'Transmitted',
};

/** Why a version was frozen. */
export const VERSION_REASON_LABELS: Record<VersionReason, string> = {
  saved: 'Saved',
  submitted: 'Submitted for review',
  approved: 'Approved',
  transmitted: 'Transmitted',
  returned: 'Returned for drafting',
};

/** The first characters of a hash, enough to tell versions apart on screen. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
