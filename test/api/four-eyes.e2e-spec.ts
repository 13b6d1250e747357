import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { createDocument } from '../support/documents.js';
import { closeTestPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { draftRecommendation, stepRecommendation } from '../support/recommendations.js';

// Four eyes on what leaves the Office (issue 15, item 2): the person who submitted a document
// never approves it; advice to the Secretary-General and recommendations are approved and
// transmitted by an adviser other than the one who started them.

let api: TestApi;
let analyst: Session;
let adviser: Session;
let other: Session;
let caseId: string;

beforeAll(async () => {
  api = await startTestApi();
  [analyst, adviser, other] = await Promise.all([
    sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' }),
    sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' }),
    sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' }),
  ]);
  caseId = (await openCase(api, analyst, { classification: 'confidential' })).id;
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

function step(s: Session, id: string, transition: string, body: Record<string, unknown> = {}) {
  return api.http().post(`/api/documents/${id}/${transition}`).set(s.auth()).send(body);
}

async function status(id: string): Promise<string> {
  const res = await api.http().get(`/api/documents/${id}`).set(adviser.auth());
  return (res.body as { status: string }).status;
}

describe('documents', () => {
  it('one adviser cannot draft, submit, approve and transmit their own advice alone', async () => {
    const doc = await createDocument(api, adviser, caseId, { kind: 'advice_to_sg' });
    expect((await step(adviser, doc.id, 'submit')).status).toBe(200);
    const approve = expectError(
      await step(adviser, doc.id, 'approve'),
      403,
      /^You submitted this document for review: another adviser must approve it\.$/,
    );
    expect(approve.message).toBeDefined();
    expect(await status(doc.id)).toBe('in_review');

    // Their document says why the step is not theirs, and does not offer it.
    const seen = await api.http().get(`/api/documents/${doc.id}`).set(adviser.auth());
    expect(seen.body).toMatchObject({
      allowedTransitions: ['return'],
      needsAnotherAdviser: [
        {
          transition: 'approve',
          reason: 'You submitted this document for review: another adviser must approve it.',
        },
      ],
    });

    expect((await step(other, doc.id, 'approve')).status).toBe(200);
    expectError(
      await step(adviser, doc.id, 'transmit', { recipient: 'Secretary-General' }),
      403,
      /another adviser must transmit it/,
    );
    expect(await status(doc.id)).toBe('approved');
    expect((await step(other, doc.id, 'transmit', { recipient: 'Secretary-General' })).status).toBe(
      200,
    );
  });

  it('advice started by an adviser is not approved by them even when someone else submitted it', async () => {
    const doc = await createDocument(api, adviser, caseId, { kind: 'advice_to_sg' });
    expect((await step(analyst, doc.id, 'submit')).status).toBe(200);
    expectError(await step(adviser, doc.id, 'approve'), 403, /You started this advice/);
    expect((await step(other, doc.id, 'approve')).status).toBe(200);
  });

  it('other kinds: whoever did not submit it may approve, its author included', async () => {
    const doc = await createDocument(api, adviser, caseId, { kind: 'early_warning_note' });
    expect((await step(analyst, doc.id, 'submit')).status).toBe(200);
    expect((await step(adviser, doc.id, 'approve')).status).toBe(200);
    expect((await step(adviser, doc.id, 'transmit', { recipient: 'USG' })).status).toBe(200);
  });

  it('a document returned and submitted again: the new submitter is the one who may not approve', async () => {
    const doc = await createDocument(api, analyst, caseId, { kind: 'briefing' });
    expect((await step(other, doc.id, 'submit')).status).toBe(200);
    expect((await step(adviser, doc.id, 'return', { note: 'Shorter' })).status).toBe(200);
    expect((await step(adviser, doc.id, 'submit')).status).toBe(200);
    expectError(await step(adviser, doc.id, 'approve'), 403, /You submitted this document/);
    expect((await step(other, doc.id, 'approve')).status).toBe(200);
  });
});

describe('recommendations', () => {
  it('the adviser who drafted a recommendation neither approves nor transmits it', async () => {
    const rec = await draftRecommendation(api, adviser, caseId);
    expectError(
      await stepRecommendation(api, adviser, rec.id, 'approve'),
      403,
      /^You drafted this recommendation: another adviser must approve it\.$/,
    );
    expect((await stepRecommendation(api, other, rec.id, 'approve')).status).toBe(200);
    expectError(
      await stepRecommendation(api, adviser, rec.id, 'transmit'),
      403,
      /another adviser must transmit it/,
    );
    expect((await stepRecommendation(api, other, rec.id, 'transmit')).status).toBe(200);
    // Recording the outcome is not a decision of the Office's: its author may.
    expect((await stepRecommendation(api, adviser, rec.id, 'implemented')).status).toBe(200);
  });

  it('a recommendation drafted by an analyst is approved by any adviser', async () => {
    const rec = await draftRecommendation(api, analyst, caseId);
    expect((await stepRecommendation(api, adviser, rec.id, 'approve')).status).toBe(200);
  });
});
