import { createHash } from 'node:crypto';
import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import * as Y from 'yjs';
import { appendProseMirror, type ProseMirrorJson } from './document-content.js';
import { documentText } from './document-text.js';

const text = (value: string, marks?: ProseMirrorJson['marks']): ProseMirrorJson => ({
  type: 'text',
  text: value,
  ...(marks ? { marks } : {}),
});
const para = (...content: ProseMirrorJson[]): ProseMirrorJson => ({ type: 'paragraph', content });
const item = (...content: ProseMirrorJson[]): ProseMirrorJson => ({ type: 'listItem', content });

function docWith(nodes: ProseMirrorJson[]): Y.Doc {
  const doc = new Y.Doc();
  appendProseMirror(doc, nodes);
  return doc;
}

describe('documentText', () => {
  it('serialises headings, paragraphs, marks and breaks', () => {
    const frozen = documentText(
      docWith([
        { type: 'heading', attrs: { level: 2 }, content: [text('Advice')] },
        para(
          text('Risk is '),
          text('high', [{ type: 'bold' }]),
          text(' and '),
          text('rising', [{ type: 'italic' }, { type: 'strike' }]),
          { type: 'hardBreak' },
          text('see '),
          text('report', [{ type: 'link', attrs: { href: 'https://example.org/r?a=1&b=2' } }]),
          text(' and '),
          text('x<y', [{ type: 'code' }]),
        ),
      ]),
    );
    expect(frozen.text).toBe('Advice\n\nRisk is high and rising\nsee report and x<y');
    expect(frozen.html).toBe(
      '<h2>Advice</h2><p>Risk is <strong>high</strong> and <s><em>rising</em></s><br />see ' +
        '<a href="https://example.org/r?a=1&amp;b=2" rel="noopener noreferrer nofollow">report</a>' +
        ' and <code>x&lt;y</code></p>',
    );
    expect(frozen.sha256).toBe(createHash('sha256').update(frozen.text, 'utf8').digest('hex'));
  });

  it('lays out bullet and ordered lists, nested, and quotes', () => {
    const frozen = documentText(
      docWith([
        {
          type: 'bulletList',
          content: [
            item(para(text('one'))),
            item(para(text('two')), {
              type: 'orderedList',
              attrs: { start: 3 },
              content: [item(para(text('three')))],
            }),
          ],
        },
        { type: 'blockquote', content: [para(text('quoted')), para(text('again'))] },
        { type: 'horizontalRule' },
        { type: 'codeBlock', attrs: { language: null }, content: [text('a <b>\n c')] },
      ]),
    );
    expect(frozen.text).toBe(
      '- one\n- two\n  3. three\n\n> quoted\n>\n> again\n\n---\n\na <b>\n c',
    );
    expect(frozen.html).toBe(
      '<ul><li><p>one</p></li><li><p>two</p><ol start="3"><li><p>three</p></li></ol></li></ul>' +
        '<blockquote><p>quoted</p><p>again</p></blockquote><hr /><pre><code>a &lt;b&gt;\n c</code></pre>',
    );
  });

  it('writes tables as rows of cells', () => {
    const cell = (type: string, value: string, attrs?: ProseMirrorJson['attrs']) => ({
      type,
      ...(attrs ? { attrs } : {}),
      content: [para(text(value))],
    });
    const frozen = documentText(
      docWith([
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('tableHeader', 'Actor'), cell('tableHeader', 'Ask')],
            },
            { type: 'tableRow', content: [cell('tableCell', 'AU', { colspan: 2 })] },
          ],
        },
      ]),
    );
    expect(frozen.text).toBe('Actor | Ask\nAU');
    expect(frozen.html).toBe(
      '<table><tbody><tr><th><p>Actor</p></th><th><p>Ask</p></th></tr>' +
        '<tr><td colspan="2"><p>AU</p></td></tr></tbody></table>',
    );
  });

  it('escapes text and drops what the allow-list refuses', () => {
    const frozen = documentText(
      docWith([
        para(text('<script>alert(1)</script> & "quotes"')),
        para(text('bad link', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
        { type: 'iframe', content: [para(text('inside unknown'))] },
      ]),
    );
    expect(frozen.html).not.toContain('<script');
    expect(frozen.html).not.toContain('javascript:');
    expect(frozen.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes"');
    expect(frozen.html).toContain('<p>inside unknown</p>');
    expect(frozen.text).toBe('<script>alert(1)</script> & "quotes"\n\nbad link\n\ninside unknown');
  });

  it('reads what another Yjs client wrote, including overlapping link marks', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [p]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, 'hello world');
    t.format(6, 5, { 'link--abc': { href: 'https://un.org' }, bold: {} });
    const frozen = documentText(doc);
    expect(frozen.text).toBe('hello world');
    expect(frozen.html).toBe(
      '<p>hello <a href="https://un.org" rel="noopener noreferrer nofollow"><strong>world</strong></a></p>',
    );
  });

  it('hashes an empty document as the empty string', () => {
    const frozen = documentText(new Y.Doc());
    expect(frozen).toEqual({
      text: '',
      html: '',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });
});
