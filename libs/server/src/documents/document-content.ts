import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import * as Y from 'yjs';

/** A ProseMirror node as JSON (what Tiptap's `getJSON()` gives). */
export interface ProseMirrorJson {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: ProseMirrorJson[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, string | number | boolean | null> }[];
}

/**
 * Appends ProseMirror content to a document's 'default' fragment the way y-prosemirror stores it
 * (elements per node, one Y.XmlText per run of text with marks as attributes): for seed content
 * and tests, so the server can write what the editor would.
 */
export function appendProseMirror(doc: Y.Doc, nodes: readonly ProseMirrorJson[]): void {
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    writeChildren(fragment, nodes);
  });
}

function writeChildren(parent: Y.XmlFragment | Y.XmlElement, nodes: readonly ProseMirrorJson[]) {
  let text: Y.XmlText | null = null;
  for (const node of nodes) {
    if (node.type === 'text') {
      if (!text) {
        text = new Y.XmlText();
        parent.insert(parent.length, [text]);
      }
      const marks = Object.fromEntries((node.marks ?? []).map((m) => [m.type, m.attrs ?? {}]));
      text.insert(text.length, node.text ?? '', marks);
      continue;
    }
    text = null;
    // Integrated before its attributes and children are set, so text inside can carry marks.
    const element = new Y.XmlElement(node.type);
    parent.insert(parent.length, [element]);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null) element.setAttribute(key, value as string);
    }
    writeChildren(element, node.content ?? []);
  }
}
