import type { Classification, DocumentKind, VersionReason } from '@vigil/domain';
import PDFDocument from 'pdfkit';
import { RenderRefusal } from './render-refusal.js';
import {
  htmlDepth,
  parseHtml,
  textContent,
  type HtmlElement,
  type HtmlNode,
} from './version-html.js';

/** What a version's PDF shows. */
export interface VersionPdfInput {
  caseReference: string;
  caseTitle: string;
  classification: Classification;
  title: string;
  kind: DocumentKind;
  versionNumber: number;
  reason: VersionReason;
  frozenAt: Date;
  frozenBy: string;
  sha256: string;
  html: string;
  transmittedTo: string | null;
}

type Pdf = PDFKit.PDFDocument;

const KIND_NAMES: Record<DocumentKind, string> = {
  early_warning_note: 'Early-warning note',
  advice_to_sg: 'Advice to the Secretary-General',
  public_statement: 'Public statement',
  briefing: 'Briefing',
};

const REASON_WORDS: Record<VersionReason, string> = {
  saved: 'saved while drafting',
  submitted: 'frozen when submitted for review',
  approved: 'frozen when approved',
  transmitted: 'frozen when transmitted',
  returned: 'frozen when returned to drafting',
};

/** The banner printed at the top and bottom of every page. */
export function classificationBanner(classification: Classification): string {
  return classification.replace(/_/g, ' ').toUpperCase();
}

const MARGIN = 72;
/**
 * The deepest version HTML laid out (elements, marks included): a document's nodes
 * (DOCUMENT_RENDER_MAX_DEPTH, 64) plus a table's body and five marks, with room to spare. Deeper
 * HTML, which only a version frozen before the limits could hold, is refused in words.
 */
export const PDF_MAX_HTML_DEPTH = 80;
/** Nested lists and quotes step right 18 points a level, up to 12 levels; deeper ones align. */
const INDENT_STEP = 18;
const MAX_INDENT = 12 * INDENT_STEP;
const HEADING_SIZES = [18, 15, 13, 12, 11, 11];
const BODY = 11;
const BODY_FONTS = {
  plain: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
  code: 'Courier',
};

// The standard PDF fonts cover Windows-1252 only; pdfkit writes anything else as broken codes.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
// pdfkit wraps a word wider than the line letter by letter, in time that grows with the square of
// its length (a pasted 100,000-character blob took 9 s): such a word gets a break opportunity (a
// soft hyphen) every LONG_WORD characters, which keeps the cost linear.
const LONG_WORD = 1000;
const LONG_WORD_PATTERN = new RegExp(`\\S{${LONG_WORD}}(?=\\S)`, 'g');
function printable(text: string): string {
  return Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    if (c === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) return c;
    return WIN_ANSI_EXTRA.includes(c) ? c : '?';
  })
    .join('')
    .replace(LONG_WORD_PATTERN, '$&\u00ad');
}

/**
 * Lays out a frozen version as a PDF: reference, title, kind, version, date and hash first, the
 * text below, the classification banner at the top and bottom of every page. Streams are left
 * uncompressed so the text stays searchable in the file (a few kilobytes more).
 */
export async function renderVersionPdf(input: VersionPdfInput): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    compress: false,
    info: {
      Title: printable(input.title),
      Subject: `${input.caseReference} version ${input.versionNumber} sha256 ${input.sha256}`,
      Creator: 'Vigil',
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const body = parseHtml(input.html);
  if (htmlDepth(body) > PDF_MAX_HTML_DEPTH) {
    throw new RenderRefusal(
      'too_complex',
      `This version is nested more than ${PDF_MAX_HTML_DEPTH} levels deep, too deep to lay out as a PDF; remove some of the nesting (lists inside lists), save a new version and try again.`,
    );
  }
  writeHeader(pdf, input);
  for (const node of body.children) block(pdf, node, 0);
  stampPages(pdf, input);
  pdf.end();
  return done;
}

function writeHeader(pdf: Pdf, input: VersionPdfInput): void {
  const width = contentWidth(pdf);
  pdf.font(BODY_FONTS.plain).fontSize(9).fillColor('#444444');
  pdf.text(printable(`${input.caseReference} · ${input.caseTitle}`), { width });
  pdf.moveDown(0.4);
  pdf.font(BODY_FONTS.bold).fontSize(20).fillColor('black').text(printable(input.title), { width });
  pdf.moveDown(0.3);
  const date = input.frozenAt.toISOString().replace('T', ' ').slice(0, 16);
  const lines = [
    `${KIND_NAMES[input.kind]} · version ${input.versionNumber}, ${REASON_WORDS[input.reason]}`,
    `Frozen ${date} UTC by ${input.frozenBy}`,
    ...(input.transmittedTo ? [`Transmitted to ${input.transmittedTo}`] : []),
  ];
  pdf
    .font(BODY_FONTS.plain)
    .fontSize(10)
    .text(printable(lines.join('\n')), { width });
  pdf.moveDown(0.3);
  pdf.font(BODY_FONTS.code).fontSize(8).text(`SHA-256 ${input.sha256}`, { width });
  pdf.moveDown(0.6);
  const y = pdf.y;
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + width, y)
    .strokeColor('#999999')
    .lineWidth(0.5)
    .stroke();
  pdf.moveDown(1);
}

function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

// Room left on the page; a block that needs more starts a new one.
function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function block(pdf: Pdf, node: HtmlNode, indent: number): void {
  if (typeof node === 'string') {
    if (node.trim()) paragraph(pdf, [node], indent, BODY, false);
    return;
  }
  const level = /^h([1-6])$/.exec(node.tag)?.[1];
  if (level) {
    const size = HEADING_SIZES[Number(level) - 1] ?? BODY;
    pdf.moveDown(0.4);
    ensureRoom(pdf, size * 3);
    paragraph(pdf, node.children, indent, size, true);
    return;
  }
  switch (node.tag) {
    case 'p':
      paragraph(pdf, node.children, indent, BODY, false);
      return;
    case 'ul':
    case 'ol':
      list(pdf, node, indent);
      return;
    case 'blockquote':
      for (const child of node.children) block(pdf, child, deeper(indent));
      return;
    case 'pre':
      pdf.font(BODY_FONTS.code).fontSize(9).fillColor('black');
      pdf.text(printable(textContent(node)), MARGIN + indent + 8, pdf.y, {
        width: contentWidth(pdf) - indent - 8,
      });
      pdf.moveDown(0.6);
      return;
    case 'hr': {
      const y = pdf.y + 4;
      pdf
        .moveTo(MARGIN + indent, y)
        .lineTo(MARGIN + contentWidth(pdf), y)
        .stroke();
      pdf.moveDown(1);
      return;
    }
    case 'table':
      table(pdf, node, indent);
      return;
    default:
      for (const child of node.children) block(pdf, child, indent);
  }
}

function deeper(indent: number): number {
  return Math.min(indent + INDENT_STEP, MAX_INDENT);
}

function list(pdf: Pdf, node: HtmlElement, indent: number): void {
  const start = Number(node.attrs['start'] ?? 1);
  let n = Number.isFinite(start) ? start : 1;
  for (const item of node.children) {
    if (typeof item === 'string' || item.tag !== 'li') continue;
    const marker = node.tag === 'ol' ? `${n}.` : '•';
    n += 1;
    ensureRoom(pdf, BODY * 2);
    const y = pdf.y;
    pdf.font(BODY_FONTS.plain).fontSize(BODY).fillColor('black');
    pdf.text(marker, MARGIN + indent, y, { width: 16, lineBreak: false });
    pdf.y = y;
    for (const child of item.children) block(pdf, child, deeper(indent));
  }
  pdf.moveDown(0.2);
}

function table(pdf: Pdf, node: HtmlElement, indent: number): void {
  const rows = collect(node, 'tr');
  const width = contentWidth(pdf) - indent;
  for (const row of rows) {
    const cells = row.children.filter(
      (c): c is HtmlElement => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'),
    );
    if (cells.length === 0) continue;
    const cellWidth = width / cells.length;
    const texts = cells.map((c) => printable(textContent(c).trim()));
    const fonts = cells.map((c) => (c.tag === 'th' ? BODY_FONTS.bold : BODY_FONTS.plain));
    pdf.fontSize(10);
    const height = Math.max(
      ...texts.map((t, i) =>
        pdf.font(fonts[i] ?? BODY_FONTS.plain).heightOfString(t || ' ', { width: cellWidth - 8 }),
      ),
    );
    ensureRoom(pdf, height + 8);
    const y = pdf.y;
    texts.forEach((text, i) => {
      const x = MARGIN + indent + i * cellWidth;
      pdf
        .rect(x, y, cellWidth, height + 8)
        .strokeColor('#999999')
        .lineWidth(0.5)
        .stroke();
      pdf
        .font(fonts[i] ?? BODY_FONTS.plain)
        .fillColor('black')
        .text(text, x + 4, y + 4, { width: cellWidth - 8 });
    });
    pdf.x = MARGIN;
    pdf.y = y + height + 8;
  }
  pdf.moveDown(0.6);
}

function collect(node: HtmlElement, tag: string): HtmlElement[] {
  return node.children.flatMap((c) =>
    typeof c === 'string' ? [] : c.tag === tag ? [c] : collect(c, tag),
  );
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
  link: string | null;
}

function runsOf(nodes: readonly HtmlNode[], style: Omit<Run, 'text'>): Run[] {
  return nodes.flatMap((node): Run[] => {
    if (typeof node === 'string') return [{ ...style, text: node }];
    if (node.tag === 'br') return [{ ...style, text: '\n' }];
    const next = { ...style };
    if (node.tag === 'strong') next.bold = true;
    if (node.tag === 'em') next.italic = true;
    if (node.tag === 'code') next.code = true;
    if (node.tag === 's') next.strike = true;
    if (node.tag === 'a') next.link = node.attrs['href'] ?? null;
    return runsOf(node.children, next);
  });
}

function fontOf(run: Run, heading: boolean): string {
  if (run.code) return BODY_FONTS.code;
  const bold = run.bold || heading;
  if (bold && run.italic) return BODY_FONTS.boldItalic;
  if (bold) return BODY_FONTS.bold;
  return run.italic ? BODY_FONTS.italic : BODY_FONTS.plain;
}

// One paragraph of styled runs, continued line to line as pdfkit wraps them.
function paragraph(
  pdf: Pdf,
  nodes: readonly HtmlNode[],
  indent: number,
  size: number,
  heading: boolean,
): void {
  const runs = runsOf(nodes, { bold: false, italic: false, code: false, strike: false, link: null })
    .map((r) => ({ ...r, text: printable(r.text) }))
    .filter((r) => r.text.length > 0);
  pdf.fontSize(size).fillColor('black');
  if (runs.length === 0) {
    pdf.moveDown(0.5);
    return;
  }
  runs.forEach((run, i) => {
    const options: PDFKit.Mixins.TextOptions = {
      continued: i < runs.length - 1,
      strike: run.strike,
      underline: run.link !== null,
      ...(run.link ? { link: run.link } : {}),
    };
    pdf.font(fontOf(run, heading)).fillColor(run.link ? '#1a4f8b' : 'black');
    if (i === 0)
      pdf.text(run.text, MARGIN + indent, pdf.y, { ...options, width: contentWidth(pdf) - indent });
    else pdf.text(run.text, options);
  });
  pdf.fillColor('black');
  pdf.moveDown(heading ? 0.3 : 0.6);
}

// Banner top and bottom, page numbers, on every page once the text is laid out.
function stampPages(pdf: Pdf, input: VersionPdfInput): void {
  const banner = classificationBanner(input.classification);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    // Writing inside the bottom margin would make pdfkit start a page; lift the margin meanwhile.
    pdf.page.margins.bottom = 0;
    const width = pdf.page.width;
    pdf.font(BODY_FONTS.bold).fontSize(10).fillColor('#b00020');
    pdf.text(banner, 0, 30, { width, align: 'center', lineBreak: false });
    pdf.text(banner, 0, pdf.page.height - 40, { width, align: 'center', lineBreak: false });
    pdf.font(BODY_FONTS.plain).fontSize(8).fillColor('#444444');
    pdf.text(
      printable(
        `${input.caseReference} · version ${input.versionNumber} · page ${i - range.start + 1} of ${range.count}`,
      ),
      MARGIN,
      pdf.page.height - 56,
      { width: width - 2 * MARGIN, align: 'center', lineBreak: false },
    );
    pdf.page.margins.bottom = bottom;
  }
  pdf.fillColor('black');
}
