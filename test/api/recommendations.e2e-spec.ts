import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTORS, finalisedAssessment, monthsAgo, rateAll } from '../support/assessments.js';
import { openCase } from '../support/cases.js';
import { buildOrganisation, closeTestPool, testPool } from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';
import {
  advance,
  draftRecommendation,
  postRecommendation,
  recommendationInput,
  recommendationWrites,
  seedDocument,
  stepRecommendation,
  type RecommendationBody,
} from '../support/recommendations.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

// The real facts: no supplyFacts here, the guards read the case's recommendations.
let api: TestApi;
let lead: Session;
let outsider: Session;
let adviser: Session;
let adviser2: Session;
let adviser3: Session;
let lowAdviser: Session;
let ft: Session;

beforeAll(async () => {
  api = await startTestApi();
  const as = (
    role: 'analyst' | 'adviser' | 'framework_team',
    clearance = 'strictly_confidential',
  ) => sessionFor(api, { roles: [role], clearance: clearance as 'strictly_confidential' });
  [lead, outsider, adviser, adviser2, adviser3, lowAdviser, ft] = await Promise.all([
    as('analyst'),
    as('analyst'),
    as('adviser'),
    as('adviser'),
    as('adviser'),
    as('adviser', 'confidential'),
    as('framework_team'),
  ]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const get = (s: Session, id: string) => http().get(`/api/recommendations/${id}`).set(s.auth());
const patch = (s: Session, id: string, body: Record<string, unknown>) =>
  http().patch(`/api/recommendations/${id}`).set(s.auth()).send(body);
const list = (s: Session, caseId: string, query: Record<string, string> = {}) =>
  http().get(`/api/cases/${caseId}/recommendations`).query(query).set(s.auth());
const secretCase = () => openCase(api, lead, { classification: 'strictly_confidential' });

async function eventsOf(caseId: string, prefix = 'recommendation.') {
  const { rows } = await testPool().query<{ type: string; payload: Record<string, unknown> }>(
    `SELECT type, payload FROM case_events WHERE case_id = $1 AND type LIKE $2 ORDER BY seq`,
    [caseId, `${prefix}%`],
  );
  return rows;
}

async function auditOf(caseId: string) {
  const { rows } = await testPool().query<{ action: string; entity_id: string }>(
    `SELECT action, entity_id FROM audit_log WHERE case_id = $1 AND entity = 'recommendation' ORDER BY seq`,
    [caseId],
  );
  return rows.map((r) => r.action);
}

describe('drafting recommendations', () => {
  it('201 with the full shape, the first history row, a timeline entry and an audit row', async () => {
    const c = await secretCase();
    const org = await buildOrganisation({ kind: 'member_state', acronym: `MS-${c.reference}` });
    const documentId = await seedDocument(c.id, lead.user.id);
    const res = await postRecommendation(api, lead, c.id, {
      addresseeKind: 'member_state',
      addresseeOrganisationId: org.id,
      addresseeName: '  Government of the neighbouring State  ',
      actionType: 'quiet_diplomacy',
      text: 'Engage the authorities on the protection of the displaced.',
      dueDate: '2030-01-31',
      documentId,
    });
    expect(res.status).toBe(201);
    const body = res.body as RecommendationBody;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      caseId: c.id,
      documentId,
      addresseeKind: 'member_state',
      addresseeOrganisation: { id: org.id, acronym: org.acronym, name: org.name },
      addresseeName: 'Government of the neighbouring State',
      actionType: 'quiet_diplomacy',
      text: 'Engage the authorities on the protection of the displaced.',
      dueDate: '2030-01-31',
      status: 'draft',
      nextActions: ['approve', 'declined'],
      version: 1,
      createdBy: { id: lead.user.id, displayName: lead.user.displayName },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      history: [
        {
          fromStatus: null,
          toStatus: 'draft',
          note: null,
          actor: { id: lead.user.id, displayName: lead.user.displayName },
          at: expect.any(String),
        },
      ],
    });
    expect((await get(adviser, body.id)).body).toEqual(body);
    expect(await eventsOf(c.id)).toEqual([
      {
        type: 'recommendation.created',
        payload: { recommendationId: body.id, fields: expect.arrayContaining(['text']) },
      },
    ]);
    expect(await auditOf(c.id)).toEqual(['recommendation.create']);
  });

  it('an adviser drafts too; optional fields default to null', async () => {
    const c = await secretCase();
    const body = await draftRecommendation(api, adviser, c.id);
    expect(body).toMatchObject({
      addresseeOrganisation: null,
      documentId: null,
      dueDate: null,
      createdBy: { id: adviser.user.id },
    });
  });

  it('400 for bad input and unknown fields, nothing written', async () => {
    const c = await secretCase();
    const other = await secretCase();
    const before = await recommendationWrites(c.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['addresseeKind', 'addresseeName', 'actionType', 'text']],
      [recommendationInput({ addresseeKind: 'pope' }), ['addresseeKind']],
      [recommendationInput({ actionType: 'sanctions' }), ['actionType']],
      [recommendationInput({ text: '   ' }), ['text']],
      [recommendationInput({ text: 'x'.repeat(5001) }), ['text']],
      [recommendationInput({ addresseeName: 'x'.repeat(201) }), ['addresseeName']],
      [recommendationInput({ dueDate: '2030-02-30' }), ['dueDate']],
      [recommendationInput({ dueDate: 'tomorrow' }), ['dueDate']],
      [recommendationInput({ documentId: 'nope' }), ['documentId']],
      [recommendationInput({ status: 'approved' }), ['status']],
      [recommendationInput({ addresseeOrganisationId: randomUUID() }), ['addresseeOrganisationId']],
      [recommendationInput({ documentId: randomUUID() }), ['documentId']],
      [
        recommendationInput({ documentId: await seedDocument(other.id, lead.user.id) }),
        ['documentId'],
      ],
    ];
    for (const [body, fields] of cases) {
      const error = expectError(await postRecommendation(api, lead, c.id, body), 400);
      expect({ body, fields: detailFields(error).sort() }).toEqual({ body, fields: fields.sort() });
    }
    expect(await recommendationWrites(c.id)).toEqual(before);
  });

  it('who may draft: members and advisers; others 404 (hidden) or 403', async () => {
    const c = await secretCase();
    expectError(await postRecommendation(api, outsider, c.id), 404);
    expectError(await postRecommendation(api, lowAdviser, c.id), 404);
    expectError(await postRecommendation(api, ft, c.id), 404);
    expectError(await postRecommendation(api, lead, randomUUID()), 404);
    expectError(await list(outsider, c.id), 404);
    const r = await draftRecommendation(api, lead, c.id);
    expectError(await get(outsider, r.id), 404);
    expectError(await get(lowAdviser, r.id), 404);
    expectError(await get(lead, randomUUID()), 404);
    expectError(await get(lead, 'not-a-uuid'), 400, /in the address must be a UUID/);
    // A member who is not the lead drafts; the lead's unclassified case is readable by any
    // analyst, who still may not draft on it (403).
    const added = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(lead.auth())
      .send({ userId: outsider.user.id, role: 'analyst' });
    expect(added.status).toBe(201);
    expect((await postRecommendation(api, outsider, c.id)).status).toBe(201);
    const open = await openCase(api, lead, { classification: 'unclassified' });
    const stranger = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    expect((await list(stranger, open.id)).status).toBe(200);
    expectError(await postRecommendation(api, stranger, open.id), 403);
  });
});

describe('editing and listing', () => {
  it('PATCH edits a draft (null clears), 409 with currentVersion when stale, 409 once approved', async () => {
    const c = await secretCase();
    const r = await draftRecommendation(api, lead, c.id, { dueDate: '2030-01-01' });
    const edited = await patch(lead, r.id, {
      version: 1,
      text: 'A sharper text.',
      actionType: 'mission',
      dueDate: null,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      text: 'A sharper text.',
      actionType: 'mission',
      dueDate: null,
      version: 2,
    });
    const same = await patch(lead, r.id, { version: 2, text: 'A sharper text.' });
    expect(same.body).toMatchObject({ version: 2 });

    const stale = expectError(await patch(adviser, r.id, { version: 1, text: 'Late.' }), 409);
    expect(stale.details).toEqual({ currentVersion: 2 });
    expectError(await patch(lead, r.id, { version: 2, addresseeName: null }), 400);
    expectError(await patch(lead, r.id, { version: 2, colour: 'red' }), 400);
    expectError(await patch(lead, r.id, {}), 400);
    expectError(await patch(outsider, r.id, { version: 2, text: 'No.' }), 404);

    await advance(api, adviser, r.id, 'approve');
    const before = await recommendationWrites(c.id);
    expectError(
      await patch(lead, r.id, { version: 3, text: 'After approval.' }),
      409,
      /approved; only a draft can be edited/,
    );
    expect(await recommendationWrites(c.id)).toEqual(before);
    expect((await eventsOf(c.id)).map((e) => e.type)).toEqual([
      'recommendation.created',
      'recommendation.updated',
      'recommendation.approved',
    ]);
    expect((await eventsOf(c.id))[1]?.payload).toEqual({
      recommendationId: r.id,
      fields: ['actionType', 'text', 'dueDate'],
    });
  });

  it('lists in the order made, filters by status, pages with the cursor', async () => {
    const c = await secretCase();
    const a = await draftRecommendation(api, lead, c.id, { text: 'First.' });
    const b = await draftRecommendation(api, lead, c.id, { text: 'Second.' });
    const d = await draftRecommendation(api, lead, c.id, { text: 'Third.' });
    await advance(api, adviser, b.id, 'approve');
    const all = await list(adviser, c.id);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: [a.id, b.id, d.id].map((id) => expect.objectContaining({ id })),
      nextCursor: null,
    });
    expect((all.body as { items: object[] }).items[0]).not.toHaveProperty('history');
    const approved = await list(lead, c.id, { status: 'approved' });
    expect((approved.body as { items: RecommendationBody[] }).items.map((i) => i.id)).toEqual([
      b.id,
    ]);
    const first = await list(lead, c.id, { limit: '2' });
    const page = first.body as { items: RecommendationBody[]; nextCursor: string };
    expect(page.items.map((i) => i.id)).toEqual([a.id, b.id]);
    const second = await list(lead, c.id, { limit: '2', cursor: page.nextCursor });
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: d.id })],
      nextCursor: null,
    });
    expectError(await list(lead, c.id, { status: 'lost' }), 400);
    expectError(await list(lead, c.id, { cursor: 'garbage' }), 400);
  });
});

describe('status changes', () => {
  it('draft → approved → transmitted → implemented, each with its history row, event and audit', async () => {
    const c = await secretCase();
    const r = await draftRecommendation(api, lead, c.id);
    const approved = await stepRecommendation(api, adviser, r.id, 'approve', 'Sound advice.');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      nextActions: ['transmit', 'declined'],
    });
    expect((await stepRecommendation(api, adviser2, r.id, 'transmit')).status).toBe(200);
    const done = await stepRecommendation(api, adviser, r.id, 'implemented', 'Statement issued.');
    expect(done.status).toBe(200);
    const body = (await get(lead, r.id)).body as RecommendationBody;
    expect(body).toMatchObject({ status: 'implemented', nextActions: [], version: 4 });
    const person = (s: Session) => ({ id: s.user.id, displayName: s.user.displayName });
    expect(body.history).toEqual([
      {
        fromStatus: null,
        toStatus: 'draft',
        note: null,
        actor: person(lead),
        at: expect.any(String),
      },
      {
        fromStatus: 'draft',
        toStatus: 'approved',
        note: 'Sound advice.',
        actor: person(adviser),
        at: expect.any(String),
      },
      {
        fromStatus: 'approved',
        toStatus: 'transmitted',
        note: null,
        actor: person(adviser2),
        at: expect.any(String),
      },
      {
        fromStatus: 'transmitted',
        toStatus: 'implemented',
        note: 'Statement issued.',
        actor: person(adviser),
        at: expect.any(String),
      },
    ]);
    expect(await eventsOf(c.id)).toEqual([
      expect.objectContaining({ type: 'recommendation.created' }),
      {
        type: 'recommendation.approved',
        payload: { recommendationId: r.id, fromStatus: 'draft', toStatus: 'approved' },
      },
      expect.objectContaining({ type: 'recommendation.transmitted' }),
      expect.objectContaining({ type: 'recommendation.implemented' }),
    ]);
    expect(await auditOf(c.id)).toEqual([
      'recommendation.create',
      'recommendation.approve',
      'recommendation.transmit',
      'recommendation.implemented',
    ]);
  });

  it('declined: an adviser drops a draft or an approved one; an addressee declines a transmitted one', async () => {
    const c = await secretCase();
    for (const steps of [[], ['approve'], ['approve', 'transmit']] as const) {
      const r = await draftRecommendation(api, lead, c.id);
      if (steps.length) await advance(api, adviser, r.id, ...steps);
      const res = await stepRecommendation(api, adviser, r.id, 'declined', 'Overtaken by events.');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'declined', nextActions: [] });
    }
  });

  it('out of order → 409 with the reason, nothing written', async () => {
    const c = await secretCase();
    const r = await draftRecommendation(api, lead, c.id);
    const before = await recommendationWrites(c.id);
    expectError(
      await stepRecommendation(api, adviser, r.id, 'transmit'),
      409,
      /^A recommendation must be approved before it is transmitted; this one is draft\.$/,
    );
    expectError(await stepRecommendation(api, adviser, r.id, 'implemented'), 409, /transmitted/);
    expect(await recommendationWrites(c.id)).toEqual(before);
    await advance(api, adviser, r.id, 'approve');
    expectError(await stepRecommendation(api, adviser2, r.id, 'approve'), 409, /Only a draft/);
    await advance(api, adviser, r.id, 'declined');
    const after = await recommendationWrites(c.id);
    for (const step of ['approve', 'transmit', 'implemented', 'declined'] as const) {
      expectError(await stepRecommendation(api, adviser, r.id, step), 409, /status is final/);
    }
    expect(await recommendationWrites(c.id)).toEqual(after);
  });

  it('analysts (even the lead) get 403; hidden 404; a bad note 400', async () => {
    const c = await secretCase();
    const r = await draftRecommendation(api, lead, c.id);
    const before = await recommendationWrites(c.id);
    expectError(await stepRecommendation(api, lead, r.id, 'approve'), 403);
    expectError(await stepRecommendation(api, lead, r.id, 'declined'), 403);
    expectError(await stepRecommendation(api, lowAdviser, r.id, 'approve'), 404);
    expectError(await stepRecommendation(api, ft, r.id, 'approve'), 404);
    expectError(await stepRecommendation(api, adviser, randomUUID(), 'approve'), 404);
    expectError(await stepRecommendation(api, adviser, r.id, 'approve', 'x'.repeat(2001)), 400);
    const unknown = await http()
      .post(`/api/recommendations/${r.id}/approve`)
      .set(adviser.auth())
      .send({ note: 'ok', status: 'transmitted' });
    expectError(unknown, 400);
    const anonymous = await http().post(`/api/recommendations/${r.id}/approve`).send({});
    expectError(anonymous, 401);
    expect(await recommendationWrites(c.id)).toEqual(before);
  });
});

describe('the escalation guards read the recommendations (no supplied facts)', () => {
  const NEEDS_OPEN =
    /^Escalation to recommendation needs at least one recommendation that is not declined\.$/;
  const NEEDS_TRANSMITTED =
    /^Escalation to mobilisation needs at least one transmitted recommendation\.$/;
  const stage = async (caseId: string) =>
    ((await http().get(`/api/cases/${caseId}`).set(lead.auth())).body as { stage: string }).stage;

  async function caseAtAlert() {
    const c = await secretCase();
    await finalisedAssessment(api, lead, adviser, c.id, {
      period: monthsAgo(0),
      ratings: rateAll(ALL_FACTORS, 2),
      overallLevel: 'high',
    });
    const proposed = await proposeMove(http, lead, c.id, 'alert');
    expect(proposed.status).toBe(201);
    await decideOn(http, adviser, (proposed.body as EscalationBody).id, 'approve');
    expect(await stage(c.id)).toBe('alert');
    return c;
  }

  it('to recommendation: refused until a recommendation that is not declined exists', async () => {
    const c = await caseAtAlert();
    expectError(await proposeMove(http, lead, c.id, 'recommendation'), 409, NEEDS_OPEN);
    const dropped = await draftRecommendation(api, lead, c.id);
    await advance(api, adviser, dropped.id, 'declined');
    expectError(await proposeMove(http, lead, c.id, 'recommendation'), 409, NEEDS_OPEN);

    await draftRecommendation(api, lead, c.id);
    const proposed = await proposeMove(http, lead, c.id, 'recommendation');
    expect(proposed.status).toBe(201);
    const approved = await decideOn(http, adviser, (proposed.body as EscalationBody).id, 'approve');
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect(await stage(c.id)).toBe('recommendation');
  });

  it('a recommendation declined while the proposal waited refuses the approval', async () => {
    const c = await caseAtAlert();
    const r = await draftRecommendation(api, lead, c.id);
    const proposed = await proposeMove(http, lead, c.id, 'recommendation');
    expect(proposed.status).toBe(201);
    await advance(api, adviser, r.id, 'declined');
    expectError(
      await decideOn(http, adviser2, (proposed.body as EscalationBody).id, 'approve'),
      409,
      NEEDS_OPEN,
    );
    expect(await stage(c.id)).toBe('alert');
  });

  it('to mobilisation: needs a transmitted recommendation and two distinct advisers', async () => {
    const c = await caseAtAlert();
    const r = await draftRecommendation(api, lead, c.id);
    const toRecommendation = await proposeMove(http, lead, c.id, 'recommendation');
    await decideOn(http, adviser, (toRecommendation.body as EscalationBody).id, 'approve');
    expect(await stage(c.id)).toBe('recommendation');

    expectError(await proposeMove(http, lead, c.id, 'mobilisation'), 409, NEEDS_TRANSMITTED);
    await advance(api, adviser, r.id, 'approve');
    expectError(await proposeMove(http, lead, c.id, 'mobilisation'), 409, NEEDS_TRANSMITTED);
    await advance(api, adviser, r.id, 'transmit');

    const proposed = await proposeMove(http, lead, c.id, 'mobilisation');
    expect(proposed.status).toBe(201);
    const id = (proposed.body as EscalationBody).id;
    const first = await decideOn(http, adviser2, id, 'approve');
    expect(first.body).toMatchObject({ status: 'pending', approvalsRequired: 2 });
    expectError(await decideOn(http, adviser2, id, 'approve'), 409);
    expect(await stage(c.id)).toBe('recommendation');
    const second = await decideOn(http, adviser3, id, 'approve');
    expect(second.body).toMatchObject({ status: 'approved' });
    expect(await stage(c.id)).toBe('mobilisation');
  });

  it('an implemented recommendation counts as transmitted', async () => {
    const c = await caseAtAlert();
    const r = await draftRecommendation(api, lead, c.id);
    const toRecommendation = await proposeMove(http, lead, c.id, 'recommendation');
    await decideOn(http, adviser, (toRecommendation.body as EscalationBody).id, 'approve');
    await advance(api, adviser, r.id, 'approve', 'transmit', 'implemented');
    expect((await proposeMove(http, lead, c.id, 'mobilisation')).status).toBe(201);
  });
});
