import { Logger } from '@nestjs/common';
import { getSchema, type JSONContent } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { updateYFragment } from '@tiptap/y-tiptap';
import {
  DOCUMENT_FRAGMENT,
  DOCUMENT_REFUSALS,
  DOCUMENT_UPDATE_NOT_READY,
  isFinalDocumentRefusal,
} from '@vigil/domain';
import * as Y from 'yjs';
import { checkUpdateBounds } from './document-bounds.js';
import { EDITOR_MARKS, EDITOR_NODE_ATTRIBUTES, EDITOR_NODES } from './editor-schema.js';

// The structural limit on document updates (issue 15, item 3), against real editor output: the
// schema the web editor builds (StarterKit and TableKit, configured as document-editor.tsx does)
// written into Yjs by y-prosemirror itself.

const schema = getSchema([
  StarterKit.configure({
    undoRedo: false,
    trailingNode: false,
    link: { openOnClick: false, autolink: true, protocols: ['mailto'] },
  }),
  TableKit.configure({ table: { resizable: false } }),
]);

const config = { DOC_MAX_BYTES: 4 * 1024 * 1024, DOC_MAX_NODES: 20_000 };

beforeAll(() => Logger.overrideLogger(false));

/** The server's copy and one editor's, in sync. */
function pair(server = new Y.Doc()): { server: Y.Doc; editor: Y.Doc } {
  const editor = new Y.Doc();
  Y.applyUpdate(editor, Y.encodeStateAsUpdate(server));
  return { server, editor };
}

/** `levels` bullet lists nested in one update (a line of text at the bottom), as a script would. */
const deepListsUpdate = (levels: number) => Y.encodeStateAsUpdate(nestedListsDoc(levels));

/** `levels` bullet lists nested in one document, built without recursion. */
function nestedListsDoc(levels: number, bottom = 'The bottom.'): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(DOCUMENT_FRAGMENT);
    for (let i = 0; i < levels; i += 1) {
      const list = new Y.XmlElement('bulletList');
      parent.insert(0, [list]);
      const item = new Y.XmlElement('listItem');
      list.insert(0, [item]);
      parent = item;
    }
    const para = new Y.XmlElement('paragraph');
    parent.insert(0, [para]);
    const text = new Y.XmlText();
    para.insert(0, [text]);
    text.insert(0, bottom);
  });
  return doc;
}

/** What an edit sends: the editor's change as one update. */
function change(editor: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(editor);
  edit(editor);
  return Y.encodeStateAsUpdate(editor, before);
}

/** The editor's whole document becomes `content`, as y-prosemirror writes a ProseMirror state. */
function write(editor: Y.Doc, content: JSONContent[]): Uint8Array {
  return change(editor, (doc) => {
    const meta = { mapping: new Map(), isOMark: new Map() };
    const node = schema.nodeFromJSON({ type: 'doc', content });
    doc.transact(() => updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), node, meta));
  });
}

/** Checks and, when accepted, applies as the hub does once stored. */
function send(server: Y.Doc, update: Uint8Array, limits = config) {
  const refusal = checkUpdateBounds(server, update, limits);
  if (!refusal) Y.applyUpdate(server, update);
  return refusal;
}

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'text',
  text,
  ...(marks ? { marks } : {}),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const li = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const bullets = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });

/** A bullet list nested `levels` deep, built without recursion. */
function nestedLists(levels: number): JSONContent {
  let inner: JSONContent = bullets(li(p(t('deepest'))));
  for (let i = 1; i < levels; i += 1) inner = bullets(li(p(t(`level ${levels - i}`)), inner));
  return inner;
}

const everything: JSONContent[] = [
  { type: 'heading', attrs: { level: 2 }, content: [t('Advice')] },
  p(
    t('Risk is '),
    t('high', [{ type: 'bold' }, { type: 'italic' }]),
    { type: 'hardBreak' },
    t('see '),
    t('report', [{ type: 'link', attrs: { href: 'https://example.org/r' } }]),
    t(' x', [{ type: 'code' }, { type: 'strike' }, { type: 'underline' }]),
  ),
  { type: 'orderedList', attrs: { start: 3 }, content: [li(p(t('one')), nestedLists(3))] },
  { type: 'blockquote', content: [p(t('quoted'))] },
  { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let a = 1;')] },
  { type: 'horizontalRule' },
  {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [
          { type: 'tableHeader', attrs: { colspan: 2, colwidth: [120, 80] }, content: [p(t('h'))] },
        ],
      },
      { type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('a'))] }] },
    ],
  },
];

describe('the editor schema', () => {
  it('lists exactly the nodes, attributes and marks the web editor has', () => {
    const nodes = Object.keys(schema.nodes).filter((n) => n !== 'doc' && n !== 'text');
    expect([...EDITOR_NODES].sort()).toEqual(nodes.sort());
    const attributes = new Set(
      Object.values(schema.nodes).flatMap((n) => Object.keys(n.spec.attrs ?? {})),
    );
    expect([...EDITOR_NODE_ATTRIBUTES].sort()).toEqual([...attributes].sort());
    expect([...EDITOR_MARKS].sort()).toEqual(Object.keys(schema.marks).sort());
  });
});

describe('what the editor writes', () => {
  it('accepts every node, attribute and mark, then edits of them', () => {
    const { server, editor } = pair();
    expect(send(server, write(editor, everything))).toBeNull();
    const edited = structuredClone(everything);
    edited[1] = p(t('Risk is now '), t('very high', [{ type: 'bold' }]));
    edited.push(nestedLists(14));
    expect(send(server, write(editor, edited))).toBeNull();
    expect(send(server, write(editor, [p(t('All gone.'))]))).toBeNull();
    expect(server.getXmlFragment(DOCUMENT_FRAGMENT).toJSON()).toBe(
      editor.getXmlFragment(DOCUMENT_FRAGMENT).toJSON(),
    );
  });

  it('accepts a fast typist: each update builds on the last, not yet applied (still being stored)', () => {
    const { server, editor } = pair();
    const updates = [
      write(editor, [p(t('a'))]),
      write(editor, [p(t('ab'))]),
      write(editor, [p(t('ab')), bullets(li(p(t('c'))))]),
      write(editor, [p(t('ab')), bullets(li(p(t('c')), bullets(li(p(t('d'))))))]),
    ];
    for (const u of updates) expect(checkUpdateBounds(server, u, config)).toBeNull();
    for (const u of updates) Y.applyUpdate(server, u);
    expect(server.getXmlFragment(DOCUMENT_FRAGMENT).toJSON()).toContain('d');
  });
});

describe('refused', () => {
  it('1,500 nested bullet lists in one update (the issue’s reproduction)', () => {
    const { server } = pair();
    const update = deepListsUpdate(1500);
    expect(update.byteLength).toBeGreaterThan(50_000);
    expect(update.byteLength).toBeLessThan(70_000);
    expect(send(server, update)).toEqual({ ok: false, error: DOCUMENT_REFUSALS.tooDeep });
    expect(server.getXmlFragment(DOCUMENT_FRAGMENT).length).toBe(0);
  });

  it('nesting past 32 across updates: the parent is found in the document and walked up', () => {
    const { server, editor } = pair();
    expect(send(server, write(editor, [nestedLists(15)]))).toBeNull();
    // One more level under the deepest paragraph's list item: 33 nodes down to its text.
    expect(send(server, write(editor, [nestedLists(16)]))).toEqual({
      ok: false,
      error: DOCUMENT_REFUSALS.tooDeep,
    });
  });

  it('any shared type other than the editor’s fragment, and a key on the fragment itself', () => {
    const { server } = pair();
    const writes: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getText('body').insert(0, 'hidden'),
      (doc) => doc.getMap('notes').set('x', 'hidden'),
      (doc) => doc.getArray('list').insert(0, ['hidden']),
      (doc) => doc.getXmlFragment('other').insert(0, [new Y.XmlElement('paragraph')]),
      (doc) => doc.getMap(DOCUMENT_FRAGMENT).set('x', 'hidden'),
    ];
    for (const w of writes) {
      const { editor: fresh } = pair();
      expect(send(server, change(fresh, w))).toEqual({
        ok: false,
        error: DOCUMENT_REFUSALS.otherType,
      });
    }
  });

  it('nodes, attributes and marks the editor has not, and content where the editor puts none', () => {
    const cases: ((doc: Y.Doc) => void)[] = [
      (doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('script')]),
      (doc) => {
        const el = new Y.XmlElement('paragraph');
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [el]);
        el.setAttribute('onclick', 'x');
      },
      (doc) => {
        const text = new Y.XmlText();
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [text]);
        text.insert(0, 'x', { secret: 'hidden' });
      },
      (doc) => {
        const text = new Y.XmlText();
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [text]);
        text.insertEmbed(0, { hidden: true });
      },
      (doc) => {
        const text = new Y.XmlText();
        doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [text]);
        text.setAttribute('hidden', 'x');
      },
      (doc) =>
        doc
          .getXmlFragment(DOCUMENT_FRAGMENT)
          .insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement]),
    ];
    for (const c of cases) {
      const { server, editor } = pair();
      expect(send(server, change(editor, c))).toEqual({
        ok: false,
        error: DOCUMENT_REFUSALS.schema,
      });
    }
  });

  it('an attribute or mark value over 4 KB, or nested deeper than a link’s', () => {
    const long = `https://example.org/${'a'.repeat(5000)}`;
    const { server, editor } = pair();
    expect(
      send(server, write(editor, [p(t('x', [{ type: 'link', attrs: { href: long } }]))])),
    ).toEqual({ ok: false, error: DOCUMENT_REFUSALS.attribute });
    const deep = pair();
    const nested = change(deep.editor, (doc) => {
      const el = new Y.XmlElement('heading');
      doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [el]);
      el.setAttribute('level', { a: { b: { c: { d: 1 } } } } as unknown as string);
    });
    expect(send(deep.server, nested)).toEqual({ ok: false, error: DOCUMENT_REFUSALS.attribute });
  });

  it('more nodes or bytes than the document may hold (counted exactly before refusing)', () => {
    const small = { DOC_MAX_BYTES: 64 * 1024, DOC_MAX_NODES: 100 };
    const { server, editor } = pair();
    const many = Array.from({ length: 40 }, (_, i) => p(t(`paragraph ${i}`)));
    expect(send(server, write(editor, many), small)).toBeNull();
    const more = [...many, ...Array.from({ length: 20 }, () => p(t('more')))];
    expect(send(server, write(editor, more), small)).toEqual({
      ok: false,
      error: DOCUMENT_REFUSALS.tooManyNodes,
    });
    const big = pair();
    const text = 'x'.repeat(40 * 1024);
    expect(send(big.server, write(big.editor, [p(t(text))]), small)).toBeNull();
    expect(send(big.server, write(big.editor, [p(t(text + text))]), small)).toEqual({
      ok: false,
      error: DOCUMENT_REFUSALS.tooLarge,
    });
    // Deleting is always allowed, and makes room again (an editor that had the refused change
    // reloads: its copy holds what the server refused).
    const again = pair(big.server);
    expect(send(big.server, write(again.editor, [p(t('short'))]), small)).toBeNull();
    expect(send(big.server, write(again.editor, [p(t(`short ${text}`))]), small)).toBeNull();
  });

  it('an update building on content the server has not got answers "not ready" (sent again)', () => {
    const { server, editor } = pair();
    write(editor, [p(t('never sent'))]);
    const next = write(editor, [p(t('never sent, and more'))]);
    const refusal = send(server, next);
    expect(refusal).toEqual({ ok: false, error: DOCUMENT_UPDATE_NOT_READY });
    expect(isFinalDocumentRefusal(refusal?.error ?? '')).toBe(false);
    expect(isFinalDocumentRefusal(DOCUMENT_REFUSALS.tooDeep)).toBe(true);
  });

  it('bytes that do not decode as an update', () => {
    const { server } = pair();
    expect(send(server, new Uint8Array([1, 2, 3, 4, 5, 6]))).toMatchObject({ ok: false });
  });
});

describe('cost', () => {
  it('checks a keystroke on a 6,000-paragraph document in well under a millisecond', () => {
    const { server, editor } = pair();
    const content = Array.from({ length: 6000 }, (_, i) => p(t(`paragraph ${i} of a long note`)));
    expect(send(server, write(editor, content))).toBeNull(); // the first check counts
    expect(send(server, write(editor, [...content, p(t('x'))]))).toBeNull();
    const keystrokes: Uint8Array[] = [];
    const fragment = editor.getXmlFragment(DOCUMENT_FRAGMENT);
    const last = fragment.get(fragment.length - 1) as Y.XmlElement;
    const text = last.get(0) as Y.XmlText;
    for (let i = 0; i < 200; i += 1) keystrokes.push(change(editor, () => text.insert(1, 'y')));
    const started = performance.now();
    for (const k of keystrokes) expect(checkUpdateBounds(server, k, config)).toBeNull();
    const perKeystroke = (performance.now() - started) / keystrokes.length;
    expect(perKeystroke).toBeLessThan(1);
  });
});
