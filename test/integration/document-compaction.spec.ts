import type { INestApplicationContext } from '@nestjs/common';
import { DocumentCompactionJob, DocumentStore } from '@vigil/server';
import * as Y from 'yjs';
import { createWorker } from '../../apps/worker/src/create-worker.js';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { editorText, fragmentText } from '../support/documents.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { testConfig } from '../support/test-config.js';

// Compaction folds stored Yjs updates into documents.state while editors keep appending: the
// document read afterwards holds exactly what was written, nothing lost, nothing duplicated.

let api: TestApi;
let worker: INestApplicationContext;
let store: DocumentStore;
let lead: Session;

beforeAll(async () => {
  api = await startTestApi();
  worker = await createWorker(testConfig());
  store = worker.get(DocumentStore);
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
});

afterAll(async () => {
  await worker.close();
  await api.close();
  await closeTestPool();
});

async function newDocument(): Promise<string> {
  const c = await openCase(api, lead);
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO documents (case_id, kind, title, created_by) VALUES ($1, 'briefing', 'Briefing', $2) RETURNING id`,
    [c.id, lead.user.id],
  );
  return rows[0]?.id ?? '';
}

/** One editor's change: its own paragraph of text, as an update against its own replica. */
function typist(name: string): { doc: Y.Doc; next: (i: number) => Uint8Array } {
  const doc = new Y.Doc();
  return {
    doc,
    next: (i) => {
      const before = Y.encodeStateVector(doc);
      const text = editorText(doc);
      text.insert(text.length, `${name}${i};`);
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return fragmentText(doc);
}

it('compacting while three editors append loses nothing: state before = state after', async () => {
  const documentId = await newDocument();
  const editors = ['a', 'b', 'c'].map(typist);
  const expected = new Y.Doc();
  let writing = true;
  const appends = editors.map(async (editor) => {
    for (let i = 0; i < 60; i += 1) {
      const update = editor.next(i);
      const stored = await store.append(documentId, update, lead.user.id);
      expect(stored).toHaveProperty('seq');
      Y.applyUpdate(expected, update);
    }
  });
  const compactions = (async () => {
    let folded = 0;
    while (writing) {
      folded += await store.compact(documentId);
      await new Promise((r) => setTimeout(r, 5));
    }
    return folded;
  })();
  await Promise.all(appends);
  writing = false;
  const foldedWhileWriting = await compactions;
  expect(foldedWhileWriting).toBeGreaterThan(0);

  const before = await store.loadState(documentId);
  const result = await worker.get(DocumentCompactionJob).run(1);
  expect(result.documents).toBeGreaterThanOrEqual(1);
  const after = await store.loadState(documentId);
  const { rows } = await testPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1',
    [documentId],
  );
  expect(rows[0]?.n).toBe(0);

  const want = fragmentText(expected);
  expect(textOf(before)).toBe(want);
  expect(textOf(after)).toBe(want);
  for (const name of ['a', 'b', 'c']) {
    for (let i = 0; i < 60; i += 1) expect(want).toContain(`${name}${i};`);
  }
});

it('a document with no stored updates is left alone; one below the threshold too', async () => {
  const documentId = await newDocument();
  expect(await store.compact(documentId)).toBe(0);
  await store.append(documentId, typist('x').next(0), lead.user.id);
  const job = worker.get(DocumentCompactionJob);
  await job.run();
  const { rows } = await testPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1',
    [documentId],
  );
  expect(rows[0]?.n).toBe(1);
});
