/**
 * A reader for the HTML of frozen versions, for laying it out in a PDF. It only ever sees HTML that
 * documentText produced and sanitize-html cleaned (a known, well-formed tag set), so a small
 * tokenizer suffices; anything unexpected degrades to its text.
 */

/** An element of a version's HTML. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
}
export type HtmlNode = HtmlElement | string;

const VOID = new Set(['br', 'hr']);
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)|(<)/g;
const ATTRIBUTE = /([a-zA-Z-]+)(?:="([^"]*)")?/g;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references sanitize-html writes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Parses HTML into a tree under a root element named '#root'. Stray closing tags are ignored. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  for (const match of html.matchAll(TOKEN)) {
    const [, closing, rawTag, rawAttrs, selfClosing, text, lone] = match;
    if (text !== undefined || lone !== undefined) {
      top().children.push(decodeEntities(text ?? lone ?? ''));
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, name, value] of (rawAttrs ?? '').matchAll(ATTRIBUTE)) {
      if (name) attrs[name.toLowerCase()] = decodeEntities(value ?? '');
    }
    const element: HtmlElement = { tag, attrs, children: [] };
    top().children.push(element);
    if (!VOID.has(tag) && !selfClosing) stack.push(element);
  }
  return root;
}

/** The text inside a node, line breaks as \n. */
export function textContent(node: HtmlNode): string {
  if (typeof node === 'string') return node;
  if (node.tag === 'br') return '\n';
  return node.children.map(textContent).join('');
}

/** How deeply elements nest under `root` (its children at 1), counted without recursion. */
export function htmlDepth(root: HtmlElement): number {
  let deepest = 0;
  const stack: { node: HtmlElement; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    deepest = Math.max(deepest, next.depth);
    for (const child of next.node.children) {
      if (typeof child !== 'string') stack.push({ node: child, depth: next.depth + 1 });
    }
  }
  return deepest;
}
