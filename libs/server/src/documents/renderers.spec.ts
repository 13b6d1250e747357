import { DOCUMENT_FRAGMENT, DomainError } from '@vigil/domain';
import fc from 'fast-check';
import * as Y from 'yjs';
import { renderVersionPdf, type VersionPdfInput } from './document-pdf.js';
import { documentText } from './document-text.js';
import { RenderRefusal } from './render-refusal.js';
import { wordDiff } from './word-diff.js';

// The renderers are bounded (issue 15): no stored document makes text extraction, HTML, the diff
// or the PDF throw anything but a refusal in words, and none takes time out of proportion.

/** `levels` bullet lists nested in a document, built without recursion. */
function nestedLists(levels: number, bottom = 'bottom'): Y.Doc {
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

const pdfInput = (html: string): VersionPdfInput => ({
  caseReference: 'SIT-2026-0001',
  caseTitle: 'Situation',
  classification: 'confidential',
  title: 'Advice',
  kind: 'advice_to_sg',
  versionNumber: 1,
  reason: 'saved',
  frozenAt: new Date('2026-12-01T10:00:00Z'),
  frozenBy: 'An Analyst',
  sha256: 'a'.repeat(64),
  html,
  transmittedTo: null,
});

describe('documentText', () => {
  it('freezes 31 nested lists (64 nodes down to the text), the deepest the renderers take', () => {
    const frozen = documentText(nestedLists(31));
    expect(frozen.text).toContain('bottom');
    expect(frozen.html.match(/<ul>/g)).toHaveLength(31);
  });

  it('refuses 1,500 nested lists in words (422) where it overflowed the stack', () => {
    const attempt = () => documentText(nestedLists(1500));
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/nested more than 64 levels deep/);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('too_complex');
    }
  });
});

describe('wordDiff', () => {
  it('gives each version back: unchanged and removed runs the earlier, unchanged and added the later', () => {
    const text = fc
      .array(fc.constantFrom('risk ', 'high ', 'north ', '\n', '\n\n', 'a', ' ', '.'), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        const side = (kind: string) =>
          parts
            .filter((p) => p.kind === 'same' || p.kind === kind)
            .map((p) => p.text)
            .join('');
        expect(side('removed')).toBe(before);
        expect(side('added')).toBe(after);
        for (let i = 1; i < parts.length; i += 1) {
          expect(parts[i]?.kind).not.toBe(parts[i - 1]?.kind);
        }
      }),
      { numRuns: 300, seed: 20_261_207 },
    );
  });

  it('diffs two 800-paragraph versions, every other paragraph rewritten, word by word in well under 2 s', () => {
    const words = (seed: number, n: number) =>
      Array.from({ length: n }, (_, i) => `w${(seed * 31 + i * 7) % 53}`).join(' ');
    const before = Array.from({ length: 800 }, (_, i) => words(i, 60));
    const after = before.map((p, i) => (i % 2 ? words(i + 1000, 60) : p));
    const started = performance.now();
    const parts = wordDiff(before.join('\n\n'), after.join('\n\n'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(new Set(parts.map((p) => p.kind))).toEqual(new Set(['same', 'added', 'removed']));
  });
});

describe('renderVersionPdf', () => {
  it('lays out 39 nested lists, indenting at most 12 levels', async () => {
    const html = '<ul><li><p>x</p>'.repeat(39) + '</li></ul>'.repeat(39);
    const pdf = await renderVersionPdf(pdfInput(html));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses HTML nested 3,000 deep in words, where it overflowed the stack', async () => {
    const html = '<ul><li><p>x</p>'.repeat(3000) + '</li></ul>'.repeat(3000);
    await expect(renderVersionPdf(pdfInput(html))).rejects.toThrow(RenderRefusal);
    await expect(renderVersionPdf(pdfInput(html))).rejects.toThrow(/too deep to lay out/);
  });

  it('wraps a 100,000-character word in linear time (it took 9 s)', async () => {
    const started = performance.now();
    await renderVersionPdf(pdfInput(`<p>${'x'.repeat(100_000)}</p>`));
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
