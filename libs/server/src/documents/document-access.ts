import { subject } from '@casl/ability';
import { defineAbilitiesFor, isEditableStatus } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { caseSubject, findCaseRow, type CaseRow } from '../cases/case.store.js';
import type { Actor } from '../common/request-context.js';
import { isUuid } from '../common/ids.js';
import { documentAccessRow, type DocumentAccessRow } from './document-rows.store.js';

/** What a person may do with a document: read it (Office readers of its case) and edit its text. */
export interface DocumentAccess {
  document: DocumentAccessRow;
  caseRow: CaseRow;
  /** May change the text now: drafts the case ('draft') and the status still allows changes. */
  editable: boolean;
  /** May draft on the case at all (whatever the status). */
  drafts: boolean;
}

/**
 * Drafts are Office material: readable by whoever may read the case (never the Framework Team),
 * written by those who draft on it. Null when the document is hidden or absent.
 */
export async function documentAccess(
  manager: EntityManager,
  actor: Actor,
  documentId: string,
): Promise<DocumentAccess | null> {
  if (!isUuid(documentId)) return null;
  const document = await documentAccessRow(manager, documentId);
  if (!document) return null;
  const caseRow = await findCaseRow(manager, document.case_id);
  if (!caseRow) return null;
  const ability = defineAbilitiesFor({ ...actor, active: true });
  if (!ability.can('read', subject('Case', caseSubject(caseRow)))) return null;
  const drafts = ability.can('draft', subject('Case', caseSubject(caseRow)));
  return { document, caseRow, drafts, editable: drafts && isEditableStatus(document.status) };
}
