/**
 * The text of a PDF as a reader sees it, through pdf.js (pdfjs-dist, legacy build for Node):
 * pdfkit compresses content streams and kerns text into pieces, so the raw bytes are not enough.
 * Each page's text items are joined without separators too, so a word split by kerning is whole.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | null = null;

async function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    // The worker's handler in this thread ("fake worker"): no worker file to locate at run time.
    const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const worker: unknown = await import(workerModule);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const strings = content.items.map((i) => ('str' in i ? i.str : ''));
      pages.push(`${strings.join(' ')}\n${strings.join('')}`);
    }
    return pages.join('\n\f\n');
  } finally {
    await task.destroy();
  }
}
