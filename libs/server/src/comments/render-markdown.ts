import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One instance with its own options: marked's global defaults are shared with anyone else using it.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/**
 * The allow-list: text formatting, code, lists, quotes and plain links. Everything else, raw HTML
 * included, is dropped (a script's or style's content with it); images are never fetched.
 */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'em',
    'strong',
    'del',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links leave with no referrer and no ranking credit, whatever rel the author wrote.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    // A heading in a comment reads as a paragraph rather than losing its line.
    ...Object.fromEntries(HEADINGS.map((h) => [h, 'p'])),
  },
};

/** Renders a comment's markdown to HTML that is safe to insert into the page as is. */
export function renderCommentMarkdown(source: string): string {
  return sanitizeHtml(markdown.parse(source, { async: false }), SANITIZE).trim();
}
