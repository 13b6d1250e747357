/**
 * The structural limits of a collaborative document (issue 15; docs/security.md, "Limits"),
 * shared by the server that enforces them and the client that shows the refusals.
 *
 * The editor (Tiptap: StarterKit and tables) nests through lists, quotes and table cells; each
 * list level is two nodes (list, item), so 32 nodes — counting the text run at the bottom — is
 * about 15 levels of lists, far more than a note to the Secretary-General uses. The renderers
 * (text, HTML, PDF) are sized for it and refuse, with a 422, anything past DOCUMENT_RENDER_MAX_DEPTH
 * that a document stored before these limits may still hold.
 */
export const DOCUMENT_MAX_DEPTH = 32;

/** The deepest document (or version HTML, in elements) the text, HTML and PDF renderers take. */
export const DOCUMENT_RENDER_MAX_DEPTH = 64;

/** The largest value of one node attribute or mark (a link's address), as JSON bytes. */
export const DOCUMENT_ATTRIBUTE_MAX_BYTES = 4096;

/**
 * Why a document update was refused. Each is final for the change that was refused (sending it
 * again gives the same answer), so an editor stops sending and says so.
 */
export const DOCUMENT_REFUSALS = {
  otherType:
    'This change writes outside the document’s text, where the editor never writes: it was not kept.',
  schema: 'This change holds content the editor does not make: it was not kept.',
  tooDeep: `This change nests the text more than ${DOCUMENT_MAX_DEPTH} levels deep: it was not kept.`,
  attribute: `This change carries a formatting value or link over ${DOCUMENT_ATTRIBUTE_MAX_BYTES / 1024} KB: it was not kept.`,
  tooManyNodes:
    'This document has reached its limit of paragraphs and other blocks: remove some before adding more.',
  tooLarge: 'This document has reached its size limit: remove some content before adding more.',
} as const;

/**
 * A refusal that passes: the change builds on edits this server has not applied yet (sent a
 * moment before, or stored through another server). The editor joins again and resends it.
 */
export const DOCUMENT_UPDATE_NOT_READY =
  'This change builds on edits the server has not received yet; it will be sent again.';

/** True for a refusal of a document update that sending it again cannot change. */
export function isFinalDocumentRefusal(error: string): boolean {
  return (Object.values(DOCUMENT_REFUSALS) as string[]).includes(error);
}
