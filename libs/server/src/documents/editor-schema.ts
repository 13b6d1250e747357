/**
 * What the web editor writes into a document's `default` fragment, as y-prosemirror stores it:
 * one Y.XmlElement per node (named after its type, its attributes as element attributes), one
 * Y.XmlText per run of text (marks as formatting attributes). The editor is Tiptap with StarterKit
 * and TableKit (apps/web/src/features/documents/components/document-editor.tsx); the spec beside
 * this file builds that schema and checks these lists against it.
 */

/** Node types of the editor's schema (`doc` is the fragment itself, `text` a Y.XmlText). */
export const EDITOR_NODES: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);

/** Attributes of those nodes (heading level, list start and type, code language, cell spans). */
export const EDITOR_NODE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'level',
  'start',
  'type',
  'language',
  'colspan',
  'rowspan',
  'colwidth',
  'align',
]);

/** Marks of the editor's schema. */
export const EDITOR_MARKS: ReadonlySet<string> = new Set([
  'bold',
  'italic',
  'strike',
  'code',
  'underline',
  'link',
]);

/** y-prosemirror names a mark that may overlap itself `name--<8 characters of a hash>`. */
export function markNameOf(key: string): string {
  return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;
}

/** How deep a node attribute or mark value may nest (a link's attributes: one object). */
const VALUE_MAX_NESTING = 3;

/**
 * The size of a node attribute or mark value as JSON bytes (about), or Infinity when it is not
 * plain data or nests deeper than the editor's values do. Iterative and stops once over `max`, so
 * a crafted value costs no more than `max` bytes of work.
 */
export function plainValueBytes(value: unknown, max: number): number {
  let bytes = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0 && bytes <= max) {
    const next = stack.pop();
    if (!next) break;
    const v = next.value;
    if (v === null || v === undefined || typeof v === 'boolean') bytes += 5;
    else if (typeof v === 'number') bytes += Number.isFinite(v) ? String(v).length : Infinity;
    else if (typeof v === 'string') bytes += Buffer.byteLength(v, 'utf8') + 2;
    else if (next.depth >= VALUE_MAX_NESTING) return Infinity;
    else if (Array.isArray(v)) {
      bytes += 2;
      for (const item of v as unknown[]) stack.push({ value: item, depth: next.depth + 1 });
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      bytes += 2;
      for (const [key, item] of Object.entries(v)) {
        bytes += Buffer.byteLength(key, 'utf8') + 3;
        stack.push({ value: item, depth: next.depth + 1 });
      }
    } else return Infinity;
  }
  return bytes;
}
