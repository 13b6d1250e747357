// Property level: fields a caller must not set (stage, version, createdBy, id, reference,
// status, classification above clearance) are refused or ignored, and the Framework Team's and
// outsiders' answers never carry Office-only fields (the full key sets are in expected-keys.tsv).
import { closeTestPool, testPool } from '../support/factories.js';
import { itemInput } from '../support/information.js';
import type { TestApi } from '../support/api.js';
import { freshItem, freshSource, type Ctx } from '../authorization/fixtures.js';
import {
  buildSwapWorld,
  fingerprint,
  refusedAndUnchanged,
  type SwapWorld,
} from '../authorization/swap-world.js';

let api: TestApi;
let ctx: Ctx;
let A: SwapWorld['A'];
let B: SwapWorld['B'];

beforeAll(async () => {
  ({ api, ctx, A, B } = await buildSwapWorld());
}, 60_000);

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('property level: fields a caller may not set', () => {
  it('a new situation cannot choose its stage, version, author, id or reference (400, nothing created)', async () => {
    const s = ctx.cast.lead;
    const base = { title: 'Mass assignment probe', country: 'KEN', summary: 'Probe.' };
    const count = async () =>
      (
        await testPool().query<{ n: number }>(
          "SELECT count(*)::int AS n FROM cases WHERE title = 'Mass assignment probe'",
        )
      ).rows[0]?.n;
    const before = await count();
    for (const extra of [
      { stage: 'mobilisation' },
      { version: 9 },
      { createdBy: ctx.cast.member.user.id },
      { id: '00000000-0000-4000-8000-000000000001' },
      { reference: 'SIT-1999-0001' },
      { prioritySituation: true },
      { riskLevel: 'very_high' },
    ]) {
      const res = await api
        .http()
        .post('/api/cases')
        .set(s.auth())
        .send({ ...base, ...extra });
      expect([Object.keys(extra)[0], res.status]).toEqual([Object.keys(extra)[0], 400]);
    }
    expect(await count()).toBe(before);
  });

  it('an edit cannot move the stage or set other fields; the row reads back unchanged', async () => {
    const s = ctx.cast.lead;
    const read = async () =>
      (await api.http().get(`/api/cases/${A.caseId}`).set(s.auth())).body as Record<
        string,
        unknown
      >;
    const before = await read();
    for (const extra of [
      { stage: 'closed' },
      { reference: 'SIT-1999-0002' },
      { createdBy: ctx.cast.member.user.id },
      { prioritySituation: false },
    ]) {
      const res = await api
        .http()
        .patch(`/api/cases/${A.caseId}`)
        .set(s.auth())
        .send({ version: before.version, ...extra });
      expect(res.status).toBe(400);
    }
    expect(await read()).toEqual(before);
  });

  it('nobody classifies above their own clearance (case, edit, item): refused, nothing written', async () => {
    const member = ctx.cast.member; // cleared confidential
    const before = await fingerprint();
    const version = (
      (await api.http().get(`/api/cases/${A.caseId}`).set(member.auth())).body as {
        version: number;
      }
    ).version;
    const answers = [
      await api.http().post('/api/cases').set(member.auth()).send({
        title: 'Too high',
        country: 'KEN',
        summary: 'x',
        classification: 'strictly_confidential',
      }),
      await api
        .http()
        .patch(`/api/cases/${A.caseId}`)
        .set(member.auth())
        .send({ version, classification: 'strictly_confidential' }),
      await api
        .http()
        .patch(`/api/information-items/${A.itemId}`)
        .set(member.auth())
        .send({ version: 1, classification: 'strictly_confidential' }),
    ].map((r) => r.status);
    for (const status of answers) expect([400, 403]).toContain(status);
    expect(await fingerprint()).toBe(before);
  });

  it('statuses move only through their own routes; authors and roles are not body fields', async () => {
    const { lead, member } = ctx.cast;
    const h = () => api.http();
    await refusedAndUnchanged(
      [
        [
          'recommendation status',
          () =>
            h()
              .patch(`/api/recommendations/${A.recId}`)
              .set(lead.auth())
              .send({ version: 1, status: 'transmitted' }),
        ],
        [
          'assessment status',
          () =>
            h()
              .patch(`/api/assessments/${A.assessmentId}`)
              .set(lead.auth())
              .send({ version: 1, status: 'finalised' }),
        ],
        [
          'document status',
          () =>
            h()
              .post(`/api/cases/${A.caseId}/documents`)
              .set(lead.auth())
              .send({ kind: 'briefing', title: 'x', status: 'transmitted' }),
        ],
        [
          'comment author',
          () =>
            h()
              .post(`/api/cases/${A.caseId}/comments`)
              .set(lead.auth())
              .send({ thread: 'internal', body: 'x', authorId: member.user.id }),
        ],
        [
          'item author',
          () =>
            h()
              .post('/api/information-items')
              .set(lead.auth())
              .send(itemInput(A.sourceId, { caseIds: [A.caseId], createdBy: member.user.id })),
        ],
        [
          'own roles',
          () =>
            h()
              .patch('/api/auth/me/preferences')
              .set(lead.auth())
              .send({ emailNotifications: 'off', roles: ['admin'] }),
        ],
      ],
      [400],
    );
    const self = await h()
      .patch(`/api/users/${member.user.id}`)
      .set(member.auth())
      .send({ roles: ['adviser'], clearance: 'strictly_confidential' });
    expect(self.status).toBe(403);
    const me = (await h().get('/api/auth/me').set(member.auth())).body as {
      user: { roles: string[]; clearance: string };
    };
    expect(me.user).toMatchObject({ roles: ['analyst'], clearance: 'confidential' });
  });
});

describe("response key sets: the Framework Team's view", () => {
  const OFFICE_ONLY = [
    'classification',
    'leadAnalyst',
    'leadAnalystId',
    'members',
    'sources',
    'items',
    'workflowSnapshot',
    'version',
    'nextReviewDue',
    'createdBy',
  ];

  it('the restricted view of a situation and its timeline carry no Office-only field or actor', async () => {
    const { ft } = ctx.cast;
    const view = await api.http().get(`/api/priority-situations/${A.caseId}`).set(ft.auth());
    expect(view.status).toBe(200);
    expect(Object.keys(view.body as object).filter((k) => OFFICE_ONLY.includes(k))).toEqual([]);
    const events = await api
      .http()
      .get(`/api/priority-situations/${A.caseId}/events`)
      .set(ft.auth());
    for (const e of (events.body as { items: Record<string, unknown>[] }).items) {
      expect([e.actorId, e.actorName]).toEqual([null, null]);
      expect(Object.keys(e.payload as object)).not.toContain('justification');
    }
  });

  it('an analyst outside a case sees an unclassified item’s source only as protected', async () => {
    const { lead, actors } = ctx.cast;
    const outsider = actors['analyst-outsider'].session;
    if (!outsider) throw new Error('no outsider');
    const source = await freshSource(ctx);
    const item = await freshItem(ctx, 'unclassified', B.caseId, source.id);
    const mine = await api.http().get(`/api/information-items/${item.id}`).set(lead.auth());
    expect((mine.body as { source: { protected: boolean } }).source.protected).toBe(false);
    const theirs = await api.http().get(`/api/information-items/${item.id}`).set(outsider.auth());
    expect(theirs.status).toBe(200);
    expect((theirs.body as { source: Record<string, unknown> }).source).toMatchObject({
      protected: true,
      id: null,
    });
    expect(JSON.stringify(theirs.body)).not.toContain(source.name);
  });
});
