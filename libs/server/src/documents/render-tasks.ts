import { renderVersionPdf, type VersionPdfInput } from './document-pdf.js';
import { RenderRefusal } from './render-refusal.js';
import { wordDiff, type WordDiffPart } from './word-diff.js';

/** Work the render pool does off the main thread. */
export type RenderTask =
  { kind: 'diff'; before: string; after: string } | { kind: 'pdf'; input: VersionPdfInput };

/** What a task gives back (plain data: it crosses a thread boundary). */
export type RenderResult =
  | { ok: true; kind: 'diff'; parts: WordDiffPart[] }
  | { ok: true; kind: 'pdf'; pdf: Uint8Array }
  | { ok: false; code: RenderRefusal['code']; message: string };

/** Runs one task; a refusal in words comes back as a result, anything else is thrown. */
export async function runRenderTask(task: RenderTask): Promise<RenderResult> {
  try {
    if (task.kind === 'diff') {
      return { ok: true, kind: 'diff', parts: wordDiff(task.before, task.after) };
    }
    const pdf = await renderVersionPdf(task.input);
    return {
      ok: true,
      kind: 'pdf',
      pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength),
    };
  } catch (error) {
    if (error instanceof RenderRefusal)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
