import { createHash } from 'node:crypto';
import { DOCUMENT_FRAGMENT, DOCUMENT_RENDER_MAX_DEPTH, DomainError } from '@vigil/domain';
import sanitizeHtml from 'sanitize-html';
import * as Y from 'yjs';

/** A document's content frozen as plain text (what is hashed and diffed) and as safe HTML. */
export interface DocumentText {
  text: string;
  html: string;
  /** Hex sha256 of the UTF-8 plain text. */
  sha256: string;
}

type Marks = Record<string, unknown>;
interface Run {
  insert: unknown;
  attributes?: Marks;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** What a frozen version's HTML may contain: the Tiptap StarterKit and tables, nothing else. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    ...HEADINGS,
    'ul',
    'ol',
    'li',
    'blockquote',
    'pre',
    'code',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'a',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** Hex sha256 of a text's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Freezes the content of a Y.Doc (the 'default' fragment) as text, HTML and hash. The renderers
 * below recurse once per level of nesting; a document deeper than DOCUMENT_RENDER_MAX_DEPTH (which
 * only one stored before the limits on updates can be) is refused in words (422) before they run.
 */
export function documentText(doc: Y.Doc): DocumentText {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const depth = nestingDepth(fragment);
  if (depth > DOCUMENT_RENDER_MAX_DEPTH) {
    throw new DomainError(
      'too_complex',
      `This document is nested more than ${DOCUMENT_RENDER_MAX_DEPTH} levels deep (lists inside lists), too deep to read as text; remove some of the nesting in the editor and try again.`,
      { depth, maxDepth: DOCUMENT_RENDER_MAX_DEPTH },
    );
  }
  const nodes = fragment.toArray();
  const text = textBlocks(nodes).join('\n\n');
  const html = sanitizeHtml(nodes.map(htmlOf).join(''), SANITIZE);
  return { text, html, sha256: sha256Hex(text) };
}

/** How deeply types nest under the fragment (its children at 1), counted without recursion. */
export function nestingDepth(fragment: Y.XmlFragment): number {
  let deepest = 0;
  const stack: { node: Y.XmlFragment | Y.XmlText; depth: number }[] = [
    { node: fragment, depth: 0 },
  ];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    deepest = Math.max(deepest, next.depth);
    if (next.node instanceof Y.XmlText) continue;
    for (const child of next.node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) {
        stack.push({ node: child, depth: next.depth + 1 });
      }
    }
  }
  return deepest;
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Y.XmlElement attributes hold numbers or strings depending on the writer.
function numberAttribute(el: Y.XmlElement, name: string, fallback: number): number {
  const raw: unknown = el.getAttribute(name);
  const value = typeof raw === 'number' ? raw : Number(raw);
  return Number.isFinite(value) ? value : fallback;
}

function elements(nodes: readonly unknown[]): Y.XmlElement[] {
  return nodes.filter((n): n is Y.XmlElement => n instanceof Y.XmlElement);
}

// ---- plain text --------------------------------------------------------------------------------

/** Each block node as its text (lines inside a block end with \n; blocks are joined by a blank line). */
function textBlocks(nodes: readonly unknown[]): string[] {
  return nodes.map(textOfBlock).filter((b) => b !== null);
}

function textOfBlock(node: unknown): string | null {
  if (node instanceof Y.XmlText) return inlineText([node]);
  if (!(node instanceof Y.XmlElement)) return null;
  const children = node.toArray();
  switch (node.nodeName) {
    case 'paragraph':
    case 'heading':
    case 'codeBlock':
      return inlineText(children);
    case 'horizontalRule':
      return '---';
    case 'blockquote':
      return textBlocks(children)
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'bulletList':
    case 'orderedList':
      return listText(node);
    case 'table':
      return elements(children)
        .map((row) =>
          elements(row.toArray())
            .map((cell) => textBlocks(cell.toArray()).join(' '))
            .join(' | '),
        )
        .join('\n');
    default:
      return textBlocks(children).join('\n\n');
  }
}

function listText(list: Y.XmlElement): string {
  const ordered = list.nodeName === 'orderedList';
  const start = numberAttribute(list, 'start', 1);
  return elements(list.toArray())
    .map((item, i) => {
      const marker = ordered ? `${start + i}. ` : '- ';
      const body = textBlocks(item.toArray()).join('\n');
      // Continuation lines (nested lists, second paragraphs) sit under the item's text.
      return marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`);
    })
    .join('\n');
}

function inlineText(nodes: readonly unknown[]): string {
  return nodes
    .map((n) => {
      if (n instanceof Y.XmlText) {
        return (n.toDelta() as Run[])
          .map((run) => (typeof run.insert === 'string' ? run.insert : ''))
          .join('');
      }
      if (n instanceof Y.XmlElement && n.nodeName === 'hardBreak') return '\n';
      if (n instanceof Y.XmlElement) return inlineText(n.toArray());
      return '';
    })
    .join('');
}

// ---- HTML --------------------------------------------------------------------------------------

const BLOCK_TAGS: Record<string, string> = {
  paragraph: 'p',
  blockquote: 'blockquote',
  bulletList: 'ul',
  listItem: 'li',
  table: 'table',
  tableRow: 'tr',
  tableHeader: 'th',
  tableCell: 'td',
};

function htmlOf(node: unknown): string {
  if (node instanceof Y.XmlText) return inlineHtml([node]);
  if (!(node instanceof Y.XmlElement)) return '';
  const children = node.toArray();
  const inner = () => children.map(htmlOf).join('');
  switch (node.nodeName) {
    case 'paragraph':
      return `<p>${inlineHtml(children)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Math.trunc(numberAttribute(node, 'level', 1))));
      return `<h${level}>${inlineHtml(children)}</h${level}>`;
    }
    case 'codeBlock':
      return `<pre><code>${escapeHtml(inlineText(children))}</code></pre>`;
    case 'horizontalRule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'orderedList': {
      const start = Math.trunc(numberAttribute(node, 'start', 1));
      return start === 1 ? `<ol>${inner()}</ol>` : `<ol start="${start}">${inner()}</ol>`;
    }
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableHeader':
    case 'tableCell': {
      const tag = BLOCK_TAGS[node.nodeName] ?? 'td';
      const span = ['colspan', 'rowspan']
        .map((name) => [name, Math.trunc(numberAttribute(node, name, 1))] as const)
        .filter(([, n]) => n > 1)
        .map(([name, n]) => ` ${name}="${n}"`)
        .join('');
      return `<${tag}${span}>${inner()}</${tag}>`;
    }
    default: {
      const tag = BLOCK_TAGS[node.nodeName];
      return tag ? `<${tag}>${inner()}</${tag}>` : inner();
    }
  }
}

// Mark names as y-prosemirror writes them; overlapping marks of one type get a "--hash" suffix.
function markName(key: string): string {
  return key.split('--')[0] ?? key;
}

function wrapMarks(text: string, marks: Marks | undefined): string {
  let out = escapeHtml(text);
  if (!marks) return out;
  const names = new Map(Object.entries(marks).map(([k, v]) => [markName(k), v]));
  if (names.has('code')) out = `<code>${out}</code>`;
  if (names.has('bold')) out = `<strong>${out}</strong>`;
  if (names.has('italic')) out = `<em>${out}</em>`;
  if (names.has('strike')) out = `<s>${out}</s>`;
  const link = names.get('link');
  if (link && typeof link === 'object' && 'href' in link && typeof link.href === 'string') {
    out = `<a href="${escapeHtml(link.href)}">${out}</a>`;
  }
  return out;
}

function inlineHtml(nodes: readonly unknown[]): string {
  return nodes
    .map((n) => {
      if (n instanceof Y.XmlText) {
        return (n.toDelta() as Run[])
          .map((run) =>
            typeof run.insert === 'string' ? wrapMarks(run.insert, run.attributes) : '',
          )
          .join('');
      }
      return htmlOf(n);
    })
    .join('');
}
