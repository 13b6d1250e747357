import fc from 'fast-check';
import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import * as Y from 'yjs';

// Random and adversarial Yjs updates for a collaborative document (issue 15, item 3): what the
// editor writes, and what a script could send instead. Each is built on a client copy of the
// document as the server holds it, so it refers to real content.

/** The editor's nodes, and names it never writes. */
const GOOD_NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'listItem', 'codeBlock'];
const BAD_NODES = ['script', 'doc', 'text', '', 'p'.repeat(300), 'iframe'];
const MARKS = ['bold', 'italic', 'link', 'code', 'secret', 'bold--AAAAAAAA'];
const ATTRIBUTES = ['level', 'start', 'language', 'colwidth', 'onclick', 'x'.repeat(80)];

/** One change a client makes to its copy. */
export type Attack =
  | { kind: 'paragraphs'; count: number; words: number; at: number }
  | { kind: 'deep'; levels: number; node: 'bulletList' | 'blockquote' | 'table' }
  | { kind: 'node'; name: string; attribute: string; bytes: number }
  | { kind: 'mark'; mark: string; bytes: number }
  | { kind: 'otherType'; type: 'text' | 'map' | 'array' | 'xml'; name: string; bytes: number }
  | { kind: 'rootMap'; key: string; bytes: number }
  | { kind: 'deleteSome'; from: number; count: number }
  | { kind: 'embed'; bytes: number };

/** Bytes as sent: a built update, corrupted, cut short, or random. */
export type Sent =
  | { kind: 'update'; attack: Attack }
  | { kind: 'corrupted'; attack: Attack; flips: [number, number][] }
  | { kind: 'truncated'; attack: Attack; keep: number }
  | { kind: 'random'; bytes: Uint8Array };

const attack: fc.Arbitrary<Attack> = fc.oneof(
  fc.record({
    kind: fc.constant('paragraphs' as const),
    count: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 200, max: 3000 })),
    words: fc.integer({ min: 0, max: 40 }),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('deep' as const),
    levels: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 200, max: 3000 })),
    node: fc.constantFrom('bulletList' as const, 'blockquote' as const, 'table' as const),
  }),
  fc.record({
    kind: fc.constant('node' as const),
    name: fc.constantFrom(...GOOD_NODES, ...BAD_NODES),
    attribute: fc.constantFrom(...ATTRIBUTES),
    bytes: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 4000, max: 150_000 })),
  }),
  fc.record({
    kind: fc.constant('mark' as const),
    mark: fc.constantFrom(...MARKS),
    bytes: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 4000, max: 150_000 })),
  }),
  fc.record({
    kind: fc.constant('otherType' as const),
    type: fc.constantFrom('text' as const, 'map' as const, 'array' as const, 'xml' as const),
    name: fc.constantFrom('body', 'hidden', '', DOCUMENT_FRAGMENT.toUpperCase()),
    bytes: fc.integer({ min: 1, max: 200_000 }),
  }),
  fc.record({
    kind: fc.constant('rootMap' as const),
    key: fc.string({ maxLength: 20 }),
    bytes: fc.integer({ min: 1, max: 100_000 }),
  }),
  fc.record({
    kind: fc.constant('deleteSome' as const),
    from: fc.nat(),
    count: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({ kind: fc.constant('embed' as const), bytes: fc.integer({ min: 1, max: 10_000 }) }),
);

/** Something to send, usually built, sometimes damaged. */
export const sentArbitrary: fc.Arbitrary<Sent> = fc.oneof(
  { weight: 6, arbitrary: attack.map((a) => ({ kind: 'update' as const, attack: a })) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('corrupted' as const),
      attack,
      flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 6,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('truncated' as const), attack, keep: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      bytes: fc.uint8Array({ minLength: 0, maxLength: 2000 }),
    }),
  },
);

function words(count: number, seed: number): string {
  return Array.from({ length: count }, (_, i) => `w${(seed + i) % 97}`).join(' ');
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const run = new Y.XmlText();
  run.insert(0, text);
  p.insert(0, [run]);
  return p;
}

/** The change `attack` makes to `doc` (a client's copy). */
export function apply(doc: Y.Doc, a: Attack): void {
  if (a.kind === 'rootMap') {
    // The client's copy already knows `default` as a fragment: a map of that name takes a doc
    // of its own (a script writes the bytes, whatever its copy holds).
    doc.getMap(DOCUMENT_FRAGMENT).set(a.key, 'h'.repeat(a.bytes));
    return;
  }
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  doc.transact(() => {
    switch (a.kind) {
      case 'paragraphs': {
        const at = fragment.length === 0 ? 0 : a.at % (fragment.length + 1);
        const nodes = Array.from({ length: a.count }, (_, i) => paragraph(words(a.words, i)));
        fragment.insert(at, nodes);
        return;
      }
      case 'deep': {
        let parent: Y.XmlFragment | Y.XmlElement = fragment;
        for (let i = 0; i < a.levels; i += 1) {
          if (a.node === 'bulletList') {
            const list = new Y.XmlElement('bulletList');
            parent.insert(parent.length, [list]);
            const item = new Y.XmlElement('listItem');
            list.insert(0, [item]);
            parent = item;
          } else if (a.node === 'blockquote') {
            const quote = new Y.XmlElement('blockquote');
            parent.insert(parent.length, [quote]);
            parent = quote;
          } else {
            const table = new Y.XmlElement('table');
            parent.insert(parent.length, [table]);
            const row = new Y.XmlElement('tableRow');
            table.insert(0, [row]);
            const cell = new Y.XmlElement('tableCell');
            row.insert(0, [cell]);
            parent = cell;
          }
        }
        parent.insert(parent.length, [paragraph('The bottom.')]);
        return;
      }
      case 'node': {
        const el = new Y.XmlElement(a.name);
        fragment.insert(fragment.length, [el]);
        el.setAttribute(a.attribute, 'v'.repeat(a.bytes));
        el.insert(0, [paragraph('inside')]);
        return;
      }
      case 'mark': {
        const p = new Y.XmlElement('paragraph');
        fragment.insert(fragment.length, [p]);
        const run = new Y.XmlText();
        p.insert(0, [run]);
        run.insert(0, 'marked', {
          [a.mark]: { href: `https://example.org/${'a'.repeat(a.bytes)}` },
        });
        return;
      }
      case 'otherType': {
        const value = 'h'.repeat(a.bytes);
        if (a.type === 'text') doc.getText(a.name).insert(0, value);
        else if (a.type === 'map') doc.getMap(a.name).set('k', value);
        else if (a.type === 'array') doc.getArray(a.name).insert(0, [value]);
        else doc.getXmlFragment(a.name).insert(0, [paragraph(value)]);
        return;
      }
      case 'deleteSome': {
        if (fragment.length === 0) return;
        const from = a.from % fragment.length;
        fragment.delete(from, Math.min(a.count, fragment.length - from));
        return;
      }
      case 'embed': {
        const p = new Y.XmlElement('paragraph');
        fragment.insert(fragment.length, [p]);
        const run = new Y.XmlText();
        p.insert(0, [run]);
        run.insertEmbed(0, { hidden: 'e'.repeat(a.bytes) });
        return;
      }
    }
  });
}

/** The bytes of `sent`, built on a client copy of `state` (the document as the server holds it). */
export function bytesOf(state: Uint8Array, sent: Sent): Uint8Array {
  if (sent.kind === 'random') return sent.bytes;
  const doc = new Y.Doc();
  if (sent.attack.kind !== 'rootMap') Y.applyUpdate(doc, state);
  const before = Y.encodeStateVector(doc);
  apply(doc, sent.attack);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  if (sent.kind === 'update') return update;
  if (sent.kind === 'truncated') return update.subarray(0, sent.keep % (update.length + 1));
  const corrupted = new Uint8Array(update);
  for (const [at, value] of sent.flips) {
    if (corrupted.length > 0) corrupted[at % corrupted.length] = value;
  }
  return corrupted;
}

/** A short description of what was sent, for a failure's report. */
export function describeSent(sent: Sent): string {
  if (sent.kind === 'random') return `random ${sent.bytes.length} bytes`;
  const { attack: a } = sent;
  const what = JSON.stringify(a);
  return sent.kind === 'update' ? what : `${sent.kind} ${what}`;
}

/**
 * A document of `levels` bullet lists nested in one transaction, a line of `bottom` text at the
 * bottom, built without recursion (as a script would build the 1,500-level update).
 */
export function nestedListsDoc(levels: number, bottom = 'The bottom.'): Y.Doc {
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
