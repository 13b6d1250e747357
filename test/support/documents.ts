import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import { appendProseMirror, DocumentStore, type ProseMirrorJson } from '@vigil/server';
import type { Response } from 'supertest';
import * as Y from 'yjs';
import type { HttpApi, Session, TestApi } from './api.js';
import { testPool } from './factories.js';

/** A document as the API answers it. */
export interface DocumentBody {
  id: string;
  caseId: string;
  kind: string;
  title: string;
  status: string;
  revisionOf: string | null;
  revisionId: string | null;
  version: number;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  updatedAt: string;
  transmittedTo: string | null;
  transmittedAt: string | null;
  transmittedSha256: string | null;
  canEdit: boolean;
  allowedTransitions: string[];
}

/** A frozen version as the API answers it (text and html only on one version). */
export interface VersionBody {
  id: string;
  number: number;
  reason: string;
  status: string;
  sha256: string;
  createdBy: { id: string; displayName: string };
  createdAt: string;
  text?: string;
  html?: string;
}

/** Starts a document on a case as `session`; fails unless 201. */
export async function createDocument(
  api: HttpApi,
  session: Session,
  caseId: string,
  body: Record<string, unknown> = {},
): Promise<DocumentBody> {
  const res = await api
    .http()
    .post(`/api/cases/${caseId}/documents`)
    .set(session.auth())
    .send({ kind: 'advice_to_sg', title: 'Advice on the situation', ...body });
  if (res.status !== 201)
    throw new Error(`create document: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as DocumentBody;
}

/**
 * Edits a document as a Yjs client would: loads the stored state, changes it, and appends only
 * the difference through the same DocumentStore the socket writes with. Returns the store's answer.
 */
export async function editDocument(
  api: TestApi,
  documentId: string,
  userId: string,
  change: (doc: Y.Doc) => void,
) {
  const store = api.app.get(DocumentStore, { strict: false });
  const doc = await store.loadDoc(documentId);
  const before = Y.encodeStateVector(doc);
  change(doc);
  return store.append(documentId, Y.encodeStateAsUpdate(doc, before), userId);
}

/** Appends ProseMirror content (as Tiptap would write it) to a document. */
export async function appendContent(
  api: TestApi,
  documentId: string,
  userId: string,
  nodes: ProseMirrorJson[],
) {
  const result = await editDocument(api, documentId, userId, (doc) =>
    appendProseMirror(doc, nodes),
  );
  if ('refused' in result) throw new Error(`append refused: ${result.refused}`);
}

/** A paragraph of plain text. */
export const paragraph = (text: string): ProseMirrorJson => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

/** Reads a binary answer (a PDF) into a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  // In Node the parser is handed the raw response stream, which superagent's type does not say.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * The text drawn in an uncompressed PDF: pdfkit writes each line as hex strings in TJ arrays
 * (split where kerning applies), in the standard fonts' single-byte encoding.
 */
export function pdfText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[((?:<[0-9a-fA-F]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)]
      .map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1'))
      .join(''),
  );
}

/** How many pages a PDF has. */
export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type \/Page\b(?!s)/g)].length;
}

/** The body of a response as a PDF buffer. */
export function pdfBody(res: Response): Buffer {
  return res.body as Buffer;
}

/**
 * Where a test types, as an editor would: the text run of the first paragraph of the editor's
 * `default` fragment, created (paragraph and text) when the document has none yet. The server
 * refuses writes to any other shared type (issue 15).
 */
export function editorText(doc: Y.Doc): Y.XmlText {
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT);
  const first = fragment.get(0);
  const run = first instanceof Y.XmlElement ? first.get(0) : null;
  if (run instanceof Y.XmlText) return run;
  const text = new Y.XmlText();
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    fragment.insert(0, [paragraph]);
    paragraph.insert(0, [text]);
  });
  return text;
}

/** Every text run of the `default` fragment, in document order, joined: what a test compares. */
export function fragmentText(doc: Y.Doc): string {
  const out: string[] = [];
  const stack: unknown[] = [doc.getXmlFragment(DOCUMENT_FRAGMENT)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Y.XmlText) {
      for (const run of node.toDelta() as { insert: unknown }[]) {
        if (typeof run.insert === 'string') out.push(run.insert);
      }
    } else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
      stack.push(...node.toArray().reverse());
    }
  }
  return out.join('');
}

/** A document's text as stored: its compacted state and every update appended since. */
export async function storedText(documentId: string): Promise<string> {
  const { rows } = await testPool().query<{ update: Buffer }>(
    `SELECT state AS update FROM documents WHERE id = $1
     UNION ALL SELECT update FROM (SELECT update FROM document_updates
       WHERE document_id = $1 ORDER BY seq) u`,
    [documentId],
  );
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
  return fragmentText(doc);
}
