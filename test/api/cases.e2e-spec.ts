import type { WorkflowFacts } from '@vigil/domain';
import { randomUUID } from 'node:crypto';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, startWorkflowApi } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, detailFields, expectError } from '../support/http.js';
import {
  allPages,
  decideOn,
  proposeMove,
  type EscalationBody,
} from '../support/workflow-helpers.js';

let api: TestApi;
let facts: Map<string, WorkflowFacts>;
let analyst: Session;
let adviser: Session;
let admin: Session;
let ft: Session;

beforeAll(async () => {
  ({ api, facts, analyst, adviser, admin, ft } = await startWorkflowApi());
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const DAY = 86_400_000;

interface CaseBody {
  id: string;
  reference: string;
  title: string;
  country: string;
  countryName: string;
  summary: string;
  classification: string;
  stage: string;
  subState: string;
  version: number;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  leadAnalystId: string | null;
  leadAnalyst: { id: string; displayName: string } | null;
  updatedAt: string;
}

/** Lower-case letters only, so full-text search treats it as one plain word. */
function word(n = 10): string {
  return Array.from(randomUUID().replace(/-/g, '').slice(0, n), (ch) =>
    String.fromCharCode(97 + (parseInt(ch, 16) % 26)),
  ).join('');
}

async function auditActions(caseId: string): Promise<string[]> {
  return (await auditEntries(api, admin, { entity: 'case', entityId: caseId })).map(
    (e) => e.action,
  );
}

describe('creating a case', () => {
  it('201 with the full shape: reference, monitoring.steady, version 1, country name, review in 90 days, lead = creator', async () => {
    const res = await http().post('/api/cases').set(analyst.auth()).send({
      title: '  Rising tension in the north  ',
      country: 'ken',
      summary: 'Reports of targeted attacks.',
    });
    expect(res.status).toBe(201);
    const body = res.body as CaseBody;
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      reference: expect.stringMatching(new RegExp(`^SIT-${new Date().getUTCFullYear()}-\\d{4}$`)),
      title: 'Rising tension in the north',
      country: 'KEN',
      countryName: 'Kenya',
      summary: 'Reports of targeted attacks.',
      classification: 'confidential',
      stage: 'monitoring',
      subState: 'steady',
      version: 1,
      riskLevel: null,
      riskTrend: null,
      prioritySituation: false,
      nextReviewDue: expect.any(String),
      reviewOverdue: false,
      overdueFollowUps: 0,
      leadAnalystId: analyst.user.id,
      leadAnalyst: { id: analyst.user.id, displayName: analyst.user.displayName },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(
      Math.abs(new Date(body.nextReviewDue ?? 0).getTime() - (Date.now() + 90 * DAY)),
    ).toBeLessThan(60_000);
    const events = await http().get(`/api/cases/${body.id}/events`).set(analyst.auth());
    expect(events.body.items).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'case.created',
        actorId: analyst.user.id,
        toStage: 'monitoring',
      }),
    ]);
    expect(await auditActions(body.id)).toEqual(['case.create']);
  });

  it('unknown country XYZ: 400 naming country', async () => {
    const res = await http()
      .post('/api/cases')
      .set(analyst.auth())
      .send({ title: 'Nowhere', country: 'XYZ', summary: '' });
    const body = expectError(res, 400, /^Unknown country code XYZ\.$/);
    expect(detailFields(body)).toEqual(['country']);
  });

  it('a classification above the author’s clearance: 403 and nothing written', async () => {
    const low = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const title = `Too secret ${word()}`;
    const res = await http()
      .post('/api/cases')
      .set(low.auth())
      .send({ title, country: 'KEN', summary: '', classification: 'strictly_confidential' });
    expectError(
      res,
      403,
      /^Your clearance does not allow creating a case classified strictly_confidential\.$/,
    );
    const { rows } = await testPool().query<{ cases: number; audit: number }>(
      `SELECT (SELECT count(*) FROM cases WHERE title = $1)::int AS cases,
              (SELECT count(*) FROM audit_log WHERE actor_id = $2 AND action LIKE 'case.%')::int AS audit`,
      [title, low.user.id],
    );
    expect(rows[0]).toEqual({ cases: 0, audit: 0 });
  });

  it('an unknown field: 400 naming it; a Framework Team member may not create (403)', async () => {
    const res = await http()
      .post('/api/cases')
      .set(analyst.auth())
      .send({ title: 'X', country: 'KEN', summary: '', stage: 'alert' });
    const body = expectError(res, 400);
    expect(detailFields(body)).toEqual(['stage']);
    expectError(
      await http()
        .post('/api/cases')
        .set(ft.auth())
        .send({ title: 'X', country: 'KEN', summary: '' }),
      403,
    );
  });
});

describe('editing a case', () => {
  it('PATCH with the current version: 200 and version + 1; a stale version: 409 with currentVersion', async () => {
    const c = await openCase(api, analyst);
    const ok = await http()
      .patch(`/api/cases/${c.id}`)
      .set(analyst.auth())
      .send({ version: 1, title: 'Renamed situation' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: c.id, title: 'Renamed situation', version: 2 });
    const stale = await http()
      .patch(`/api/cases/${c.id}`)
      .set(analyst.auth())
      .send({ version: 1, summary: 'Old view' });
    const err = expectError(stale, 409, /version 2/);
    expect(err.details).toEqual({ currentVersion: 2 });
    expect((await http().get(`/api/cases/${c.id}`).set(analyst.auth())).body).toMatchObject({
      version: 2,
      summary: 'Reports of targeted attacks.',
    });
    expect(await auditActions(c.id)).toEqual(['case.update', 'case.create']);
  });

  it('a non-member analyst 403 (404 on a classified case: need to know), an adviser 403 (advisers do not edit the text), Framework Team and admin 404', async () => {
    const c = await openCase(api, analyst, { classification: 'unclassified' });
    const classified = await openCase(api, analyst, { classification: 'confidential' });
    const outsider = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const patch = (s: Session, id = c.id) =>
      http().patch(`/api/cases/${id}`).set(s.auth()).send({ version: 1, title: 'Hijacked' });
    expectError(await patch(outsider), 403, /^You may not edit this case\.$/);
    expectError(await patch(outsider, classified.id), 404, /^No such case\.$/);
    expectError(await http().get(`/api/cases/${classified.id}`).set(outsider.auth()), 404);
    expectError(await patch(adviser), 403, /^You may not edit the title of this case\.$/);
    expectError(await patch(ft), 404);
    expectError(await patch(admin), 404);
    expect((await http().get(`/api/cases/${c.id}`).set(analyst.auth())).body).toMatchObject({
      version: 1,
      title: 'Situation under watch',
    });
  });

  it('an analyst below the case’s classification: 404 on the case, absent from list, counts and escalations inbox', async () => {
    const c = await openCase(api, analyst, { classification: 'strictly_confidential' });
    facts.set(c.id, ALL_FACTS);
    const p = await proposeMove(http, analyst, c.id, 'alert');
    expect(p.status).toBe(201);
    const low = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    expectError(await http().get(`/api/cases/${c.id}`).set(low.auth()), 404, /^No such case\.$/);
    expectError(await http().get(`/api/cases/${c.id}/workflow`).set(low.auth()), 404);
    expectError(
      await http()
        .get(`/api/escalations/${(p.body as EscalationBody).id}`)
        .set(low.auth()),
      404,
    );
    const list = await http()
      .get('/api/cases')
      .query({ leadAnalystId: analyst.user.id, limit: '100' })
      .set(low.auth());
    expect(list.status).toBe(200);
    expect((list.body as { items: CaseBody[] }).items.map((x) => x.id)).not.toContain(c.id);
    const all = await allPages<CaseBody>(http, low, '/api/cases', { limit: '100' });
    expect(all.map((x) => x.id)).not.toContain(c.id);
    expect(all.every((x) => x.classification !== 'strictly_confidential')).toBe(true);
    const stats = await http()
      .get('/api/cases/stats')
      .query({ leadAnalystId: analyst.user.id })
      .set(low.auth());
    const statsHigh = await http()
      .get('/api/cases/stats')
      .query({ leadAnalystId: analyst.user.id })
      .set(analyst.auth());
    expect(statsHigh.body.total - stats.body.total).toBeGreaterThanOrEqual(1);
    const inbox = await allPages<EscalationBody>(http, low, '/api/escalations', {
      status: 'pending',
      limit: '100',
    });
    expect(inbox.map((e) => e.caseId)).not.toContain(c.id);
    const inboxHigh = await allPages<EscalationBody>(http, analyst, '/api/escalations', {
      status: 'pending',
      limit: '100',
    });
    expect(inboxHigh.map((e) => e.caseId)).toContain(c.id);
  });
});

describe('listing cases', () => {
  let lead: Session;
  let cases: CaseBody[];
  const marker = word();

  beforeAll(async () => {
    lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
    cases = [];
    const titles = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    for (const [i, t] of titles.entries()) {
      const res = await http()
        .post('/api/cases')
        .set(lead.auth())
        .send({
          title: `${t} situation`,
          country: i < 2 ? 'MLI' : 'KEN',
          summary: i === 2 ? `Militia sightings near ${marker} town.` : 'Ordinary reports.',
        });
      expect(res.status).toBe(201);
      cases.push(res.body as CaseBody);
    }
    // charlie → alert; echo review overdue.
    const charlie = cases[2];
    const echo = cases[4];
    if (!charlie || !echo) throw new Error('missing fixtures');
    facts.set(charlie.id, ALL_FACTS);
    const p = await proposeMove(http, lead, charlie.id, 'alert');
    expect(
      (await decideOn(http, adviser, (p.body as EscalationBody).id, 'approve')).body,
    ).toMatchObject({ status: 'approved' });
    await testPool().query(
      `UPDATE cases SET next_review_due = now() - interval '1 day' WHERE id = $1`,
      [echo.id],
    );
  });

  const ids = async (query: Record<string, string>) => {
    const res = await http()
      .get('/api/cases')
      .query({ leadAnalystId: lead.user.id, limit: '100', ...query })
      .set(lead.auth());
    expect(res.status).toBe(200);
    return (res.body as { items: CaseBody[] }).items.map((c) => c.title).sort();
  };

  it('filters: stage (comma list), country, leadAnalystId, overdue, priority, q', async () => {
    expect(await ids({})).toEqual([
      'Alpha situation',
      'Bravo situation',
      'charlie situation',
      'delta situation',
      'echo situation',
    ]);
    expect(await ids({ stage: 'alert' })).toEqual(['charlie situation']);
    expect(await ids({ stage: 'alert,monitoring' })).toHaveLength(5);
    expect(await ids({ stage: 'recommendation,closed' })).toEqual([]);
    expect(await ids({ country: 'MLI' })).toEqual(['Alpha situation', 'delta situation']);
    expect(await ids({ country: 'mli' })).toEqual(['Alpha situation', 'delta situation']);
    expect(await ids({ overdue: 'true' })).toEqual(['echo situation']);
    expect(await ids({ overdue: 'false' })).toHaveLength(4);
    expect(await ids({ priority: 'true' })).toEqual([]);
    expect(await ids({ priority: 'false' })).toHaveLength(5);
    expect(await ids({ q: marker })).toEqual(['charlie situation']);
    expect(await ids({ q: 'militia' })).toEqual(['charlie situation']);
    expect(await ids({ q: 'Bravo' })).toEqual(['Bravo situation']);
    const other = await http()
      .get('/api/cases')
      .query({ leadAnalystId: randomUUID() })
      .set(lead.auth());
    expect(other.body).toEqual({ items: [], nextCursor: null });
    const bad = await http().get('/api/cases').query({ stage: 'alert,heaven' }).set(lead.auth());
    expect(detailFields(expectError(bad, 400))).toEqual(['stage']);
  });

  it('q with tsquery syntax characters still answers 200', async () => {
    for (const q of ['"&|!(', 'militia & | !( "', ':*', "o'brien\\", '%_', '!!!', '(((']) {
      const res = await http()
        .get('/api/cases')
        .query({ q, leadAnalystId: lead.user.id })
        .set(lead.auth());
      expect({ q, status: res.status }).toEqual({ q, status: 200 });
    }
    expect(await ids({ q: `"${marker}" & !(` })).toEqual(['charlie situation']);
  });

  const sorts: [string, string, (c: CaseBody) => string][] = [
    ['updatedAt', 'desc', (c) => c.updatedAt],
    ['updatedAt', 'asc', (c) => c.updatedAt],
    ['reference', 'asc', (c) => c.reference],
    ['reference', 'desc', (c) => c.reference],
    ['title', 'asc', (c) => c.title.toLowerCase()],
    ['title', 'desc', (c) => c.title.toLowerCase()],
    ['nextReviewDue', 'asc', (c) => c.nextReviewDue ?? '9999'],
    ['nextReviewDue', 'desc', (c) => c.nextReviewDue ?? '9999'],
  ];

  it.each(sorts)(
    'sort %s %s: keyset pages of 2 cover every case once, in order',
    async (sort, order, key) => {
      const items = await allPages<CaseBody>(http, lead, '/api/cases', {
        leadAnalystId: lead.user.id,
        sort,
        order,
        limit: '2',
      });
      expect(items.map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
      const keys = items.map(key);
      const sorted = [...keys].sort();
      expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
    },
  );

  it('keyset paging survives timestamps that differ by microseconds only', async () => {
    // Five rows within one millisecond: a cursor rounded to milliseconds would skip or repeat them.
    await testPool().query(
      `UPDATE cases SET updated_at = '2031-01-01T00:00:00.000100Z'::timestamptz + (interval '100 microseconds' * x.i),
         next_review_due = '2031-02-01T00:00:00.000100Z'::timestamptz + (interval '100 microseconds' * x.i)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS i FROM cases WHERE lead_analyst_id = $1) x
       WHERE cases.id = x.id`,
      [lead.user.id],
    );
    for (const sort of ['updatedAt', 'nextReviewDue']) {
      for (const order of ['asc', 'desc']) {
        const items = await allPages<CaseBody>(http, lead, '/api/cases', {
          leadAnalystId: lead.user.id,
          sort,
          order,
          limit: '2',
        });
        expect({ sort, order, ids: items.map((c) => c.id).sort() }).toEqual({
          sort,
          order,
          ids: cases.map((c) => c.id).sort(),
        });
      }
    }
  });

  it('invalid sort 400; forged cursors 400, never 500', async () => {
    expect(
      detailFields(
        expectError(await http().get('/api/cases').query({ sort: 'secret' }).set(lead.auth()), 400),
      ),
    ).toEqual(['sort']);
    expect(
      detailFields(
        expectError(
          await http().get('/api/cases').query({ order: 'sideways' }).set(lead.auth()),
          400,
        ),
      ),
    ).toEqual(['order']);
    const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
    // [cursor, answer for timestamp and number sorts (reference), answer for text sorts]
    const forged: [string, number, number][] = [
      ['not-a-cursor', 400, 400],
      [forge(['x']), 400, 400],
      [forge(['not a date', 'not a uuid']), 400, 400],
      [forge(['2030-01-01T00:00:00.000Z', 'not a uuid']), 400, 400],
      [forge([12, randomUUID()]), 400, 400],
      [forge(['2030-13-45T00:00:00Z', randomUUID()]), 400, 200],
      [forge(['yesterday-ish', randomUUID()]), 400, 200],
    ];
    for (const sort of ['updatedAt', 'nextReviewDue', 'reference', 'title']) {
      for (const [cursor, onTimestamp, onText] of forged) {
        const res = await http().get('/api/cases').query({ sort, cursor }).set(lead.auth());
        const expected = sort === 'title' ? onText : onTimestamp;
        expect({ sort, cursor, status: res.status }).toEqual({ sort, cursor, status: expected });
        if (expected === 400)
          expect(res.body).toMatchObject({
            message: 'cursor is not valid for this list',
            details: [{ field: 'cursor' }],
          });
      }
    }
  });

  it('GET /api/cases/stats counts per stage match the list', async () => {
    const stats = await http()
      .get('/api/cases/stats')
      .query({ leadAnalystId: lead.user.id })
      .set(lead.auth());
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      byStage: { monitoring: 4, alert: 1, recommendation: 0, mobilisation: 0, closed: 0 },
      total: 5,
      byCountry: expect.arrayContaining([
        { country: 'KEN', countryName: 'Kenya', total: 3, highestStage: 'alert' },
        { country: 'MLI', countryName: 'Mali', total: 2, highestStage: 'monitoring' },
      ]),
    });
    expect(stats.body.byCountry).toHaveLength(2);
    for (const stage of ['monitoring', 'alert', 'recommendation', 'mobilisation', 'closed']) {
      expect({ stage, n: (await ids({ stage })).length }).toEqual({
        stage,
        n: stats.body.byStage[stage],
      });
    }
    // Stats ignore the stage filter (they feed the stage tabs) but honour the others.
    const mli = await http()
      .get('/api/cases/stats')
      .query({ leadAnalystId: lead.user.id, country: 'MLI', stage: 'alert' })
      .set(lead.auth());
    expect(mli.body).toMatchObject({ total: 2, byStage: { monitoring: 2, alert: 0 } });
  });
});

describe('case members', () => {
  it('the lead adds an adviser and an analyst (201, listed); the member analyst can then propose', async () => {
    const c = await openCase(api, analyst, { classification: 'unclassified' });
    facts.set(c.id, ALL_FACTS);
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    expectError(
      await proposeMove(http, member, c.id, 'alert'),
      403,
      /^You may not propose a move of this case\.$/,
    );
    const a = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: adviser.user.id, role: 'adviser' });
    expect(a.status).toBe(201);
    const b = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: member.user.id, role: 'analyst' });
    expect(b.status).toBe(201);
    expect(b.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: adviser.user.id,
          role: 'adviser',
          email: adviser.user.email,
        }),
        expect.objectContaining({
          userId: member.user.id,
          role: 'analyst',
          displayName: member.user.displayName,
        }),
      ]),
    );
    expect(b.body).toHaveLength(2);
    const listed = await http().get(`/api/cases/${c.id}/members`).set(member.auth());
    expect(listed.body).toEqual(b.body);
    const proposed = await proposeMove(http, member, c.id, 'alert');
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ proposedBy: { id: member.user.id }, status: 'pending' });
    expect(await auditActions(c.id)).toEqual([
      'case.workflow.propose',
      'case.member_add',
      'case.member_add',
      'case.create',
    ]);
  });

  it('a Framework Team user or someone cleared below the case: 400 with the reason; a non-lead analyst 403', async () => {
    const c = await openCase(api, analyst, { classification: 'strictly_confidential' });
    const add = (s: Session, userId: string) =>
      http().post(`/api/cases/${c.id}/members`).set(s.auth()).send({ userId, role: 'analyst' });
    const ftRes = expectError(
      await add(analyst, ft.user.id),
      400,
      /^Cannot add this member: only Office staff \(analysts and advisers\) can be members of a case\.$/,
    );
    expect(detailFields(ftRes)).toEqual(['userId']);
    const low = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    expectError(
      await add(analyst, low.user.id),
      400,
      /^Cannot add this member: their clearance is below this case's classification \(strictly_confidential\)\.$/,
    );
    expectError(await add(analyst, randomUUID()), 400, /no user has this id/);
    const outsider = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    // A classified case is need to know: to an analyst who does not work it, it does not exist.
    expectError(await add(outsider, outsider.user.id), 404, /^No such case\.$/);
    const open = await openCase(api, analyst, { classification: 'unclassified' });
    expectError(
      await http()
        .post(`/api/cases/${open.id}/members`)
        .set(outsider.auth())
        .send({ userId: outsider.user.id, role: 'analyst' }),
      403,
      /^You may not change the members of this case\.$/,
    );
    const members = await http().get(`/api/cases/${c.id}/members`).set(analyst.auth());
    expect(members.body).toEqual([]);
  });

  it('removing a member of a classified case: 204; they can no longer edit nor read it (404)', async () => {
    const c = await openCase(api, analyst, { classification: 'confidential' });
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    expect(
      (
        await http()
          .post(`/api/cases/${c.id}/members`)
          .set(analyst.auth())
          .send({ userId: member.user.id, role: 'analyst' })
      ).status,
    ).toBe(201);
    const edited = await http()
      .patch(`/api/cases/${c.id}`)
      .set(member.auth())
      .send({ version: 2, summary: 'Member edit.' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 3, summary: 'Member edit.' });
    const removed = await http()
      .delete(`/api/cases/${c.id}/members/${member.user.id}`)
      .set(analyst.auth());
    expect(removed.status).toBe(204);
    expect(removed.text).toBe('');
    expectError(
      await http().delete(`/api/cases/${c.id}/members/${member.user.id}`).set(analyst.auth()),
      404,
      /not a member/,
    );
    expectError(
      await http()
        .patch(`/api/cases/${c.id}`)
        .set(member.auth())
        .send({ version: 4, summary: 'Again.' }),
      404,
      /^No such case\.$/,
    );
    expectError(await http().get(`/api/cases/${c.id}`).set(member.auth()), 404);
    const read = await http().get(`/api/cases/${c.id}`).set(analyst.auth());
    expect(read.body).toMatchObject({ version: 4, summary: 'Member edit.' });
    expect(await auditActions(c.id)).toEqual([
      'case.member_remove',
      'case.update',
      'case.member_add',
      'case.create',
    ]);
    const verify = await http().get('/api/audit/verify').set(admin.auth());
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});

describe('forged cursors with impossible dates', () => {
  it('answers 400, not 500, for 31 February in a date cursor on every date-keyed list', async () => {
    const session = await sessionFor(api, {
      roles: ['analyst', 'adviser'],
      clearance: 'strictly_confidential',
    });
    const cursor = Buffer.from(
      JSON.stringify(['2030-02-31T00:00:00.000000Z', '00000000-0000-4000-8000-000000000001']),
    ).toString('base64url');
    for (const path of ['/api/cases', '/api/escalations', '/api/notifications']) {
      const res = await api.http().get(path).query({ cursor }).set(session.auth());
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'cursor' })]);
    }
  });
});
