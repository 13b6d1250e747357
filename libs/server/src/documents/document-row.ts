import { subject } from '@casl/ability';
import {
  availableTransitions,
  fourEyesBlocks,
  isEditableStatus,
  type TransitionRights,
  type DocumentKind,
  type DocumentStatus,
  type VersionReason,
} from '@vigil/domain';
import { isoMicros } from '../cases/case-filters.js';
import { caseSubject, type CaseRow } from '../cases/case-row.js';
import type { RequestContext } from '../common/request-context.js';
import type { DocumentResponse } from './dto/document.response.js';
import type {
  DocumentVersionResponse,
  DocumentVersionSummary,
} from './dto/document-version.response.js';

/** Columns for presenting a document, over `documents d`. */
export const DOCUMENT_COLUMNS = `d.id, d.case_id, d.kind, d.title, d.status, d.revision_of, d.version,
  d.created_by, author.display_name AS created_by_name, d.created_at, d.updated_at,
  d.transmitted_to, d.transmitted_at, d.transmitted_sha256,
  (SELECT r.id FROM documents r WHERE r.revision_of = d.id) AS revision_id,
  (SELECT sv.created_by FROM document_versions sv WHERE sv.document_id = d.id
     AND sv.reason = 'submitted' ORDER BY sv.number DESC LIMIT 1) AS submitted_by,
  ${isoMicros('d.created_at')} AS created_key`;

/** FROM clause matching DOCUMENT_COLUMNS. */
export const DOCUMENT_FROM = 'documents d JOIN users author ON author.id = d.created_by';

/** A document row as DOCUMENT_COLUMNS selects it. */
export interface DocumentRow {
  id: string;
  case_id: string;
  kind: DocumentKind;
  title: string;
  status: DocumentStatus;
  revision_of: string | null;
  revision_id: string | null;
  version: number;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  transmitted_to: string | null;
  transmitted_at: Date | null;
  transmitted_sha256: string | null;
  /** Who submitted it for the review under way (the latest submission), if ever submitted. */
  submitted_by: string | null;
  /** created_at to the microsecond, for cursors. */
  created_key: string;
}

/** What the caller may do on the case, for canEdit and the allowed steps. */
export function rightsOn(context: RequestContext, caseRow: CaseRow): TransitionRights {
  const on = subject('Case', caseSubject(caseRow));
  return {
    drafts: context.ability.can('draft', on),
    approves: context.ability.can('approve', on),
    actorId: context.actor?.id,
  };
}

/** The caller's rights on this document, the four-eyes rules included (who drafted, submitted). */
export function rightsOnDocument(rights: TransitionRights, row: DocumentRow): TransitionRights {
  return {
    ...rights,
    parties: { kind: row.kind, createdBy: row.created_by, submittedBy: row.submitted_by },
  };
}

export function presentDocument(row: DocumentRow, caseRights: TransitionRights): DocumentResponse {
  const rights = rightsOnDocument(caseRights, row);
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    revisionOf: row.revision_of,
    revisionId: row.revision_id,
    version: row.version,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    transmittedTo: row.transmitted_to,
    transmittedAt: row.transmitted_at?.toISOString() ?? null,
    transmittedSha256: row.transmitted_sha256,
    canEdit: rights.drafts && isEditableStatus(row.status),
    allowedTransitions: availableTransitions(row.status, rights),
    needsAnotherAdviser: fourEyesBlocks(row.status, rights),
  };
}

/** Columns for a version, over `document_versions v`. */
export const VERSION_SUMMARY_COLUMNS = `v.id, v.document_id, v.number, v.reason, v.status, v.sha256,
  v.created_by, creator.display_name AS created_by_name, v.created_at`;

/** FROM clause matching the version columns. */
export const VERSION_FROM = 'document_versions v JOIN users creator ON creator.id = v.created_by';

/** A version row (text and html only when selected). */
export interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  reason: VersionReason;
  status: DocumentStatus;
  sha256: string;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  text?: string;
  html?: string;
}

export function presentVersionSummary(row: VersionRow): DocumentVersionSummary {
  return {
    id: row.id,
    number: row.number,
    reason: row.reason,
    status: row.status,
    sha256: row.sha256,
    createdBy: { id: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at.toISOString(),
  };
}

export function presentVersion(row: VersionRow): DocumentVersionResponse {
  return { ...presentVersionSummary(row), text: row.text ?? '', html: row.html ?? '' };
}
