/** Kinds of document the Office drafts together (docs/architecture.md §6). */
export const DOCUMENT_KINDS = [
  'early_warning_note',
  'advice_to_sg',
  'public_statement',
  'briefing',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document's review life cycle, in order. */
export const DOCUMENT_STATUSES = ['drafting', 'in_review', 'approved', 'transmitted'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Statuses in which the text may still change (an approved text is what the adviser approved). */
export const EDITABLE_DOCUMENT_STATUSES: readonly DocumentStatus[] = ['drafting', 'in_review'];

export function isEditableStatus(status: DocumentStatus): boolean {
  return EDITABLE_DOCUMENT_STATUSES.includes(status);
}

/** The Y.XmlFragment holding the ProseMirror content (what Tiptap's collaboration extension uses). */
export const DOCUMENT_FRAGMENT = 'default';
