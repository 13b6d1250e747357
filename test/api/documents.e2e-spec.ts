import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DOCUMENT_FRAGMENT } from '@vigil/domain';
import { appendProseMirror } from '@vigil/server';
import * as Y from 'yjs';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import {
  appendContent,
  binary,
  createDocument,
  editDocument,
  paragraph,
  pdfBody,
  pdfPageCount,
  pdfText,
  type DocumentBody,
  type VersionBody,
} from '../support/documents.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, detailFields, expectError } from '../support/http.js';

// Collaborative documents over HTTP (issue 6 items 1–3): creating them, frozen versions and their
// diff, the review life cycle, the transmitted hash and its verification, revisions and PDFs.

let api: TestApi;
let lead: Session;
let member: Session;
let outsider: Session;
let adviser: Session;
let ft: Session;
let admin: Session;
let caseId: string;
let caseReference: string;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const http = () => api.http();
const get = (s: Session, path: string) => http().get(path).set(s.auth());
const post = (s: Session, path: string, body?: Record<string, unknown>) => {
  const req = http().post(path).set(s.auth());
  return body ? req.send(body) : req;
};
const step = (s: Session, id: string, name: string, body: Record<string, unknown> = {}) =>
  post(s, `/api/documents/${id}/${name}`, body);
const saveVersion = async (s: Session, id: string) => {
  const res = await post(s, `/api/documents/${id}/versions`);
  expect(res.status).toBe(201);
  return res.body as VersionBody;
};
const timeline = async (s: Session) =>
  (
    (await get(s, `/api/cases/${caseId}/events?limit=200`)).body as {
      items: { type: string; payload: Record<string, unknown> }[];
    }
  ).items;

beforeAll(async () => {
  api = await startTestApi();
  const analyst = () => sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  [lead, member, outsider] = await Promise.all([analyst(), analyst(), analyst()]);
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  ft = await sessionFor(api, { roles: ['framework_team'], clearance: 'strictly_confidential' });
  admin = await sessionFor(api, { roles: ['admin'], clearance: 'strictly_confidential' });
  const opened = await openCase(api, lead, { classification: 'confidential' });
  caseId = opened.id;
  caseReference = opened.reference;
  const added = await post(lead, `/api/cases/${caseId}/members`, {
    userId: member.user.id,
    role: 'analyst',
  });
  expect(added.status).toBe(201);
  // Shared with the Framework Team, who must still never see a draft.
  await testPool().query('UPDATE cases SET priority_situation = true WHERE id = $1', [caseId]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('creating and reading documents', () => {
  it('a member starts a document in drafting', async () => {
    const res = await post(member, `/api/cases/${caseId}/documents`, {
      kind: 'early_warning_note',
      title: '  Early warning: the north  ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      caseId,
      kind: 'early_warning_note',
      title: 'Early warning: the north',
      status: 'drafting',
      revisionOf: null,
      revisionId: null,
      version: 1,
      createdBy: { id: member.user.id, displayName: member.user.displayName },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      transmittedTo: null,
      transmittedAt: null,
      transmittedSha256: null,
      canEdit: true,
      allowedTransitions: ['submit'],
      needsAnotherAdviser: [],
    });
    const id = (res.body as DocumentBody).id;
    expect((await get(lead, `/api/documents/${id}`)).body).toEqual(res.body);
    expect((await get(adviser, `/api/documents/${id}`)).body).toMatchObject({
      canEdit: true,
      allowedTransitions: ['submit'],
    });
    const created = (await timeline(lead)).find((e) => e.type === 'document.created');
    expect(created?.payload).toEqual({ documentId: id, title: 'Early warning: the north' });
  });

  it('an adviser may start one; outsiders, the Framework Team and admins see no case', async () => {
    const byAdviser = await createDocument(api, adviser, caseId, { kind: 'briefing' });
    expect(byAdviser).toMatchObject({ kind: 'briefing', createdBy: { id: adviser.user.id } });
    const body = { kind: 'briefing', title: 'Briefing' };
    for (const s of [outsider, ft, admin]) {
      expectError(await post(s, `/api/cases/${caseId}/documents`, body), 404);
      expectError(await get(s, `/api/documents/${byAdviser.id}`), 404);
      expectError(await get(s, `/api/cases/${caseId}/documents`), 404);
    }
    expectError(await http().post(`/api/cases/${caseId}/documents`).send(body), 401);
    expectError(
      await get(member, '/api/documents/not-a-uuid'),
      400,
      /in the address must be a UUID/,
    );
  });

  it('refuses bad bodies with the fields named', async () => {
    const path = `/api/cases/${caseId}/documents`;
    const unknown = expectError(
      await post(member, path, { kind: 'briefing', title: 'x', status: 'approved' }),
      400,
    );
    expect(detailFields(unknown)).toEqual(['status']);
    const bad = expectError(await post(member, path, { kind: 'memo', title: '  ' }), 400);
    expect(detailFields(bad).sort()).toEqual(['kind', 'title']);
    expectError(await post(member, path, { kind: 'briefing', title: 'x'.repeat(201) }), 400);
  });

  it('lists a case’s documents newest first, page by page', async () => {
    const first = await createDocument(api, member, caseId, { title: 'Older' });
    const second = await createDocument(api, member, caseId, { title: 'Newer' });
    const page1 = await get(member, `/api/cases/${caseId}/documents?limit=1`);
    expect(page1.status).toBe(200);
    const body1 = page1.body as { items: DocumentBody[]; nextCursor: string };
    expect(body1.items.map((d) => d.id)).toEqual([second.id]);
    const page2 = await get(
      member,
      `/api/cases/${caseId}/documents?limit=1&cursor=${body1.nextCursor}`,
    );
    expect((page2.body as { items: DocumentBody[] }).items.map((d) => d.id)).toEqual([first.id]);
    expectError(await get(member, `/api/cases/${caseId}/documents?cursor=forged`), 400);
  });
});

describe('versions', () => {
  let doc: DocumentBody;
  let v1: VersionBody;
  let v2: VersionBody;

  beforeAll(async () => {
    doc = await createDocument(api, member, caseId, { title: 'Versioned' });
    await appendContent(api, doc.id, member.user.id, [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Advice' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The risk is ' },
          { type: 'text', text: 'high', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' in the north <today>.' },
        ],
      },
    ]);
  });

  it('saving freezes the text, its HTML and its sha256', async () => {
    const res = await post(member, `/api/documents/${doc.id}/versions`);
    expect(res.status).toBe(201);
    v1 = res.body as VersionBody;
    const text = 'Advice\n\nThe risk is high in the north <today>.';
    expect(v1).toEqual({
      id: expect.any(String),
      number: 1,
      reason: 'saved',
      status: 'drafting',
      sha256: sha256(text),
      text,
      html: '<h1>Advice</h1><p>The risk is <strong>high</strong> in the north &lt;today&gt;.</p>',
      createdBy: { id: member.user.id, displayName: member.user.displayName },
      createdAt: expect.any(String),
    });
    const saved = (await timeline(member)).find((e) => e.type === 'document.version_saved');
    expect(saved?.payload).toEqual({ documentId: doc.id, title: 'Versioned', versionNumber: 1 });
  });

  it('a later edit gives a later version; the list is newest first without bodies', async () => {
    await editDocument(api, doc.id, lead.user.id, (y) => {
      const para = y.getXmlFragment(DOCUMENT_FRAGMENT).get(1) as Y.XmlElement;
      const text = para.get(0) as Y.XmlText;
      // "The risk is " is 12 characters: "high" becomes "very high", bold like it.
      text.insert(12, 'very ', { bold: {} });
    });
    v2 = await saveVersion(lead, doc.id);
    expect(v2).toMatchObject({ number: 2, createdBy: { id: lead.user.id } });
    expect(v2.text).toBe('Advice\n\nThe risk is very high in the north <today>.');
    const list = await get(adviser, `/api/documents/${doc.id}/versions`);
    expect(list.status).toBe(200);
    const items = (list.body as { items: VersionBody[] }).items;
    expect(items.map((v) => v.number)).toEqual([2, 1]);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(
      ['createdAt', 'createdBy', 'id', 'number', 'reason', 'sha256', 'status'].sort(),
    );
    const paged = await get(adviser, `/api/documents/${doc.id}/versions?limit=1`);
    const cursor = (paged.body as { nextCursor: string }).nextCursor;
    const rest = await get(adviser, `/api/documents/${doc.id}/versions?limit=1&cursor=${cursor}`);
    expect((rest.body as { items: VersionBody[] }).items.map((v) => v.number)).toEqual([1]);
  });

  it('one version comes with its text and HTML; unknown ones are 404', async () => {
    const one = await get(member, `/api/documents/${doc.id}/versions/1`);
    expect(one.body).toEqual(v1);
    expectError(await get(member, `/api/documents/${doc.id}/versions/99`), 404);
    expectError(await get(member, `/api/documents/${doc.id}/versions/abc`), 404);
    expectError(await get(outsider, `/api/documents/${doc.id}/versions/1`), 404);
    expectError(await get(ft, `/api/documents/${doc.id}/versions`), 404);
  });

  it('diffs two versions word by word', async () => {
    const res = await get(member, `/api/documents/${doc.id}/diff?from=1&to=2`);
    expect(res.status).toBe(200);
    const body = res.body as { from: number; to: number; parts: { kind: string; text: string }[] };
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(body.parts.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'added', text: expect.stringContaining('very') },
    ]);
    const side = (kind: string) =>
      body.parts
        .filter((p) => p.kind === 'same' || p.kind === kind)
        .map((p) => p.text)
        .join('');
    expect(side('removed')).toBe(v1.text);
    expect(side('added')).toBe(v2.text);
    const back = (await get(member, `/api/documents/${doc.id}/diff?from=2&to=1`)).body as {
      parts: { kind: string }[];
    };
    expect(back.parts.map((p) => p.kind)).toContain('removed');
    expectError(await get(member, `/api/documents/${doc.id}/diff?from=0&to=1`), 400);
    expectError(await get(member, `/api/documents/${doc.id}/diff?from=1`), 400);
    expectError(await get(member, `/api/documents/${doc.id}/diff?from=1&to=2&x=1`), 400);
    expectError(await get(member, `/api/documents/${doc.id}/diff?from=1&to=7`), 404);
  });

  it('only those who draft may save; hidden documents are 404', async () => {
    expectError(await post(outsider, `/api/documents/${doc.id}/versions`), 404);
    expectError(await post(ft, `/api/documents/${doc.id}/versions`), 404);
    const advisersOwn = await post(adviser, `/api/documents/${doc.id}/versions`);
    expect(advisersOwn.status).toBe(201);
  });
});

describe('the review life cycle', () => {
  let doc: DocumentBody;
  const text = 'We advise that the Secretary-General speak publicly.';

  beforeAll(async () => {
    doc = await createDocument(api, member, caseId, { title: 'Advice on a statement' });
    await appendContent(api, doc.id, member.user.id, [paragraph(text)]);
  });

  it('refuses steps out of order with the reason, and approval by a non-adviser', async () => {
    expectError(await step(adviser, doc.id, 'approve'), 409, /being drafted.*in review/);
    expectError(await step(adviser, doc.id, 'transmit', { recipient: 'SG' }), 409, /approved/);
    expectError(await step(adviser, doc.id, 'return', { note: 'No' }), 409);
    expectError(await step(member, doc.id, 'approve'), 403);
    expectError(await step(member, doc.id, 'transmit', { recipient: 'SG' }), 403);
    expectError(await step(outsider, doc.id, 'submit'), 404);
    expectError(await step(ft, doc.id, 'submit'), 404);
    const stale = expectError(await step(member, doc.id, 'submit', { version: 7 }), 409);
    expect(stale.details).toEqual({ currentVersion: 1 });
    expectError(await step(member, doc.id, 'submit', { reason: 'x' }), 400);
  });

  it('drafting → in review → returned with a note → in review → approved', async () => {
    const submitted = await step(member, doc.id, 'submit', { version: 1, note: 'Ready' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', version: 2, canEdit: true });
    expectError(await step(member, doc.id, 'submit'), 409);
    expectError(await step(member, doc.id, 'approve'), 403);

    const noNote = expectError(await step(adviser, doc.id, 'return', {}), 400);
    expect(detailFields(noNote)).toEqual(['note']);
    const returned = await step(adviser, doc.id, 'return', { note: 'Name the groups at risk.' });
    expect(returned.body).toMatchObject({ status: 'drafting', version: 3 });

    await step(member, doc.id, 'submit').expect(200);
    const approved = await step(adviser, doc.id, 'approve', { version: 4 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      version: 5,
      canEdit: false,
      allowedTransitions: ['return', 'transmit'],
    });
    const versions = (await get(member, `/api/documents/${doc.id}/versions`)).body as {
      items: VersionBody[];
    };
    expect(versions.items.map((v) => [v.number, v.reason, v.status])).toEqual([
      [4, 'approved', 'approved'],
      [3, 'submitted', 'in_review'],
      [2, 'returned', 'drafting'],
      [1, 'submitted', 'in_review'],
    ]);
    expect(new Set(versions.items.map((v) => v.sha256))).toEqual(new Set([sha256(text)]));
    const types = (await timeline(member))
      .filter((e) => e.payload['documentId'] === doc.id)
      .map((e) => e.type);
    expect(types).toEqual([
      'document.created',
      'document.submitted',
      'document.returned',
      'document.submitted',
      'document.approved',
    ]);
  });

  it('an approved text is frozen: no edits and no saved versions', async () => {
    const refused = await editDocument(api, doc.id, member.user.id, (y) =>
      y.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]),
    );
    expect(refused).toEqual({ refused: 'not_editable' });
    expectError(await post(member, `/api/documents/${doc.id}/versions`), 409, /frozen/);
  });

  it('verify is refused before transmission', async () => {
    expectError(await get(member, `/api/documents/${doc.id}/verify`), 409);
  });

  it('an adviser transmits: to whom, when, and the hash of the frozen text', async () => {
    const missing = expectError(await step(adviser, doc.id, 'transmit', {}), 400);
    expect(detailFields(missing)).toEqual(['recipient']);
    expectError(await step(adviser, doc.id, 'transmit', { recipient: 'SG', cc: 'x' }), 400);
    const res = await step(adviser, doc.id, 'transmit', {
      recipient: 'Secretary-General',
      version: 5,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'transmitted',
      version: 6,
      transmittedTo: 'Secretary-General',
      transmittedAt: expect.any(String),
      transmittedSha256: sha256(text),
      canEdit: false,
      allowedTransitions: [],
    });
    const latest = (await get(member, `/api/documents/${doc.id}/versions/5`)).body as VersionBody;
    expect(latest).toMatchObject({ reason: 'transmitted', status: 'transmitted', text });
    expectError(await step(adviser, doc.id, 'transmit', { recipient: 'SG' }), 409);
    expectError(await step(adviser, doc.id, 'return', { note: 'Too late' }), 409);
    const refused = await editDocument(api, doc.id, adviser.user.id, (y) =>
      y.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]),
    );
    expect(refused).toEqual({ refused: 'not_editable' });
    const audit = await auditEntries(api, admin, { entityId: doc.id });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'document.create',
        'document.submit',
        'document.return',
        'document.approve',
        'document.transmit',
      ]),
    );
  });

  it('verify recomputes the hash, and notices a tampered version', async () => {
    const ok = await get(lead, `/api/documents/${doc.id}/verify`);
    expect(ok.body).toEqual({
      sha256Stored: sha256(text),
      sha256Computed: sha256(text),
      matches: true,
      contentMatches: true,
      versionNumber: 5,
    });
    expectError(await get(ft, `/api/documents/${doc.id}/verify`), 404);
    await testPool().query(
      `UPDATE document_versions SET text = text || ' Or not.' WHERE document_id = $1 AND reason = 'transmitted'`,
      [doc.id],
    );
    const tampered = (await get(lead, `/api/documents/${doc.id}/verify`)).body as Record<
      string,
      unknown
    >;
    expect(tampered).toMatchObject({
      sha256Stored: sha256(text),
      matches: false,
      contentMatches: true,
    });
    expect(tampered['sha256Computed']).toBe(sha256(`${text} Or not.`));
    await testPool().query(
      `UPDATE document_versions SET text = $2 WHERE document_id = $1 AND reason = 'transmitted'`,
      [doc.id, text],
    );
  });

  it('a revision is a new drafting document with the same content, once', async () => {
    const notYet = await createDocument(api, member, caseId);
    expectError(await post(member, `/api/documents/${notYet.id}/revisions`), 409);
    expectError(await post(ft, `/api/documents/${doc.id}/revisions`), 404);
    const res = await post(lead, `/api/documents/${doc.id}/revisions`);
    expect(res.status).toBe(201);
    const revision = res.body as DocumentBody;
    expect(revision).toMatchObject({
      caseId,
      kind: doc.kind,
      title: doc.title,
      status: 'drafting',
      revisionOf: doc.id,
      version: 1,
      createdBy: { id: lead.user.id },
      canEdit: true,
    });
    expect((await get(member, `/api/documents/${doc.id}`)).body).toMatchObject({
      revisionId: revision.id,
      status: 'transmitted',
    });
    expect((await saveVersion(member, revision.id)).text).toBe(text);
    await appendContent(api, revision.id, member.user.id, [paragraph('A new paragraph.')]);
    expect((await saveVersion(member, revision.id)).text).toBe(`${text}\n\nA new paragraph.`);
    const again = expectError(await post(adviser, `/api/documents/${doc.id}/revisions`), 409);
    expect(again.details).toEqual({ documentId: revision.id });
    const verify = (await get(lead, `/api/documents/${doc.id}/verify`)).body as Record<
      string,
      unknown
    >;
    expect(verify).toMatchObject({ matches: true, contentMatches: true });
  });
});

describe('approving while editors type', () => {
  it('every update is either in the approved text or refused; none slips in after', async () => {
    const doc = await createDocument(api, member, caseId, { title: 'Raced' });
    await appendContent(api, doc.id, member.user.id, [paragraph('Start.')]);
    await step(member, doc.id, 'submit').expect(200);
    // Each edit is its own Yjs client appending one paragraph, as concurrent editors would.
    const edits = Array.from({ length: 30 }, (_, i) =>
      editDocument(api, doc.id, member.user.id, (y) => {
        y.clientID = 1000 + i;
        appendProseMirror(y, [paragraph(`Edit ${i}.`)]);
      }),
    );
    const [approved, ...results] = await Promise.all([step(adviser, doc.id, 'approve'), ...edits]);
    expect(approved.status).toBe(200);
    const accepted = results.filter((r) => !('refused' in r)).length;
    expect(accepted + results.filter((r) => 'refused' in r).length).toBe(30);
    const frozen = (await get(member, `/api/documents/${doc.id}/versions/2`)).body as VersionBody;
    expect(frozen.reason).toBe('approved');
    expect((frozen.text ?? '').match(/Edit \d+\./g) ?? []).toHaveLength(accepted);
    await step(adviser, doc.id, 'transmit', { recipient: 'Security Council' }).expect(200);
    const verify = (await get(member, `/api/documents/${doc.id}/verify`)).body as Record<
      string,
      unknown
    >;
    expect(verify).toMatchObject({ matches: true, contentMatches: true });
  });
});

describe('PDF of a version', () => {
  let doc: DocumentBody;
  let version: VersionBody;

  beforeAll(async () => {
    doc = await createDocument(api, member, caseId, { title: 'Note on the north: “urgent”' });
    const long = Array.from({ length: 60 }, (_, i) =>
      paragraph(`Paragraph ${i + 1}: reports of attacks on villages continue — é, ü.`),
    );
    await appendContent(api, doc.id, member.user.id, [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Findings' }] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph('First finding')] },
          { type: 'listItem', content: [paragraph('Second finding')] },
        ],
      },
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [paragraph('Actor')] },
              { type: 'tableHeader', content: [paragraph('Ask')] },
            ],
          },
        ],
      },
      paragraph('Кириллица is not in the standard fonts.'),
      ...long,
    ]);
    version = await saveVersion(member, doc.id);
  });

  const fetchPdf = (s: Session, path: string) => get(s, path).buffer(true).parse(binary);

  it('is a PDF with the reference, the banner on every page and the hash', async () => {
    const res = await fetchPdf(member, `/api/documents/${doc.id}/versions/1/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${caseReference}-note-on-the-north-urgent-v1.pdf"`,
    );
    expect(res.headers['x-content-sha256']).toBe(version.sha256);
    const pdf = pdfBody(res);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const lines = pdfText(pdf);
    const all = lines.join('\n');
    expect(all).toContain(version.sha256);
    expect(all).toContain(caseReference);
    expect(all).toContain('Findings');
    expect(all).toContain('Paragraph 60');
    expect(all).toContain('Advice to the Secretary-General · version 1');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(lines.filter((l) => l === 'CONFIDENTIAL')).toHaveLength(2 * pages);
  });

  it('is audited, and hidden or missing versions are 404', async () => {
    // An administrator sees that it was exported, by whom and when; its details are for readers
    // of the situation (an administrator who also advises).
    const audit = await auditEntries(api, admin, { entityId: doc.id });
    expect(audit.find((a) => a.action === 'document.export')).toMatchObject({
      diff: {},
      contentWithheld: true,
    });
    const auditor = await sessionFor(api, {
      roles: ['admin', 'adviser'],
      clearance: 'strictly_confidential',
    });
    const readable = await auditEntries(api, auditor, { entityId: doc.id });
    expect(readable.find((a) => a.action === 'document.export')?.diff).toEqual({
      format: 'pdf',
      versionNumber: 1,
      sha256: version.sha256,
    });
    expectError(await get(outsider, `/api/documents/${doc.id}/versions/1/pdf`), 404);
    expectError(await get(ft, `/api/documents/${doc.id}/versions/1/pdf`), 404);
    expectError(await get(member, `/api/documents/${doc.id}/versions/2/pdf`), 404);
  });
});
