import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import {
  ALL_FACTORS,
  type AssessmentBody,
  evidenceSince,
  finalisedAssessment,
  GENOCIDE_FACTORS,
  heatMap,
  monthsAgo,
  postAssessment,
  problemText,
  rateAll,
  seedItem,
  writesOn,
} from '../support/assessments.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { detailFields, expectError } from '../support/http.js';

let api: TestApi;
let analyst: Session;
let outsider: Session;
let lowClearance: Session;
let adviser: Session;
let admin: Session;
let ft: Session;

beforeAll(async () => {
  api = await startTestApi();
  const as = (
    role: 'analyst' | 'adviser' | 'admin' | 'framework_team',
    clearance = 'strictly_confidential' as const,
  ) => sessionFor(api, { roles: [role], clearance });
  [analyst, outsider, adviser, admin, ft] = await Promise.all([
    as('analyst'),
    as('analyst'),
    as('adviser'),
    as('admin'),
    as('framework_team'),
  ]);
  lowClearance = await sessionFor(api, { roles: ['adviser'], clearance: 'confidential' });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const get = (s: Session, path: string) => http().get(path).set(s.auth());
const patch = (s: Session, id: string, body: Record<string, unknown>) =>
  http().patch(`/api/assessments/${id}`).set(s.auth()).send(body);
const finalise = (s: Session, id: string) =>
  http().post(`/api/assessments/${id}/finalise`).set(s.auth());
const supersede = (s: Session, id: string) =>
  http().post(`/api/assessments/${id}/supersede`).set(s.auth());
const secretCase = () => openCase(api, analyst, { classification: 'strictly_confidential' });
const caseRisk = async (id: string) =>
  (await get(analyst, `/api/cases/${id}`)).body as {
    riskLevel: string | null;
    riskTrend: string | null;
    version: number;
  };

describe('risk assessment life cycle', () => {
  it('draft → edit → finalise (adviser) → read-only → supersede → finalise again → old superseded', async () => {
    const c = await secretCase();
    const period = monthsAgo(1);
    const created = await postAssessment(api, analyst, c.id, {
      period,
      crimeTypes: ['genocide'],
      ratings: rateAll([1, 2, 7], 2),
      flags: ['risk_alert'],
    });
    expect(created.status).toBe(201);
    const draft = created.body as AssessmentBody;
    expect(draft).toMatchObject({
      caseId: c.id,
      period,
      status: 'draft',
      crimeTypes: ['genocide'],
      applicableFactors: GENOCIDE_FACTORS,
      overallLevel: null,
      computedLevel: 'moderate',
      trend: null,
      flags: ['risk_alert'],
      supersedesId: null,
      version: 1,
      createdBy: { id: analyst.user.id, displayName: analyst.user.displayName },
      finalisedBy: null,
      finalisedAt: null,
    });
    expect(draft.computedReasons.join(' ')).toMatch(/mean rating is 2\.00/);
    expect(draft.ratings[0]).toEqual({
      factor: 1,
      rating: 2,
      confidence: 'medium',
      rationale: 'Rationale for RF1.',
      evidenceItemIds: [],
      indicatorIds: [],
    });
    expectError(
      await postAssessment(api, analyst, c.id, { period, ratings: [] }),
      409,
      new RegExp(`^A draft assessment for ${period} already exists; edit that draft instead\\.$`),
    );

    // Finalising needs every applicable factor and the overall level.
    const before = await writesOn(c.id);
    const incomplete = expectError(await finalise(adviser, draft.id), 409, /overall risk level/);
    expect(incomplete.message).toMatch(/RF3 \(Weak State structures\).*RF10/);
    expect(incomplete.details).toMatchObject({ unratedFactors: [3, 4, 5, 6, 8, 9, 10] });
    expect(await writesOn(c.id)).toEqual(before);

    // RF10 severe, a specific sign: computed very high beside the analyst's "high".
    const edited = await patch(analyst, draft.id, {
      version: 1,
      ratings: rateAll(GENOCIDE_FACTORS, 1, { 10: 4 }),
      overallLevel: 'high',
      summary: 'Worsening.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      overallLevel: 'high',
      computedLevel: 'very_high',
    });
    expect((edited.body as AssessmentBody).computedReasons[0]).toMatch(/^RF10 .* rated severe/);
    const stale = expectError(await patch(analyst, draft.id, { version: 1, summary: 'x' }), 409);
    expect(stale.details).toEqual({ currentVersion: 2 });

    expectError(await finalise(analyst, draft.id), 403, /finalise Case/);
    const reviewed = http().post(`/api/assessments/${draft.id}/finalise?version=1`);
    expect(expectError(await reviewed.set(adviser.auth()), 409).details).toEqual({
      currentVersion: 2,
    });
    const caseBefore = await caseRisk(c.id);
    const done = await finalise(adviser, draft.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'finalised',
      version: 3,
      trend: null,
      finalisedBy: { id: adviser.user.id },
      finalisedAt: expect.any(String),
    });
    expect(await caseRisk(c.id)).toMatchObject({
      riskLevel: 'high',
      riskTrend: null,
      version: caseBefore.version,
    });

    const readOnly = /^This assessment is finalised and read-only; supersede it to revise it\.$/;
    expectError(await patch(analyst, draft.id, { version: 3, summary: 'late' }), 409, readOnly);
    expectError(await finalise(adviser, draft.id), 409, /already finalised/);
    expectError(
      await postAssessment(api, analyst, c.id, { period, ratings: [] }),
      409,
      /is finalised; supersede it to revise it/,
    );

    const revision = await supersede(analyst, draft.id);
    expect(revision.status).toBe(201);
    const next = revision.body as AssessmentBody;
    expect(next).toMatchObject({ status: 'draft', supersedesId: draft.id, period, version: 1 });
    expect(next.ratings).toEqual((done.body as AssessmentBody).ratings);
    expect((await get(analyst, `/api/assessments/${draft.id}`)).body).toMatchObject({
      status: 'finalised',
    });
    expectError(await supersede(analyst, draft.id), 409, /draft assessment .* already exists/);

    expect((await patch(analyst, next.id, { version: 1, overallLevel: 'very_high' })).status).toBe(
      200,
    );
    expect((await finalise(adviser, next.id)).body).toMatchObject({ status: 'finalised' });
    expect((await get(analyst, `/api/assessments/${draft.id}`)).body).toMatchObject({
      status: 'superseded',
    });
    expectError(await patch(analyst, draft.id, { version: 3 }), 409, /superseded and is read-only/);
    expect((await caseRisk(c.id)).riskLevel).toBe('very_high');

    const history = (await get(adviser, `/api/cases/${c.id}/assessments`)).body as {
      items: AssessmentBody[];
      nextCursor: string | null;
    };
    expect(history.items.map((a) => [a.id, a.status])).toEqual([
      [next.id, 'finalised'],
      [draft.id, 'superseded'],
    ]);
    expect(history.nextCursor).toBeNull();
    const events = (await get(analyst, `/api/cases/${c.id}/events`)).body as {
      items: { type: string }[];
    };
    const timeline = events.items.map((e) => e.type).filter((t) => t.startsWith('assessment.'));
    expect(timeline).toEqual(
      ['created', 'updated', 'finalised', 'created', 'updated', 'finalised'].map(
        (t) => `assessment.${t}`,
      ),
    );
    const { rows } = await testPool().query<{ action: string }>(
      "SELECT action FROM audit_log WHERE case_id = $1 AND (action LIKE 'assessment.%' OR action = 'case.risk') ORDER BY seq",
      [c.id],
    );
    expect(rows.map((r) => r.action).join(' ')).toBe(
      'assessment.create assessment.update assessment.finalise case.risk ' +
        'assessment.create assessment.update assessment.finalise assessment.supersede case.risk',
    );
  });

  it('concurrent drafts for one month: one is created, the others are told to edit it', async () => {
    const c = await secretCase();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postAssessment(api, analyst, c.id, { ratings: [] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect((await writesOn(c.id)).assessments).toBe(1);
  });

  it('trend against the previous finalised month; a back-filled month leaves the case alone', async () => {
    const c = await secretCase();
    const fin = (period: string, overallLevel: string) =>
      finalisedAssessment(api, analyst, adviser, c.id, {
        period,
        ratings: rateAll(ALL_FACTORS, 1),
        overallLevel,
      });
    expect((await fin(monthsAgo(2), 'moderate')).trend).toBeNull();
    expect((await fin(monthsAgo(1), 'high')).trend).toBe('deteriorated');
    expect(await caseRisk(c.id)).toMatchObject({ riskLevel: 'high', riskTrend: 'deteriorated' });
    expect((await fin(monthsAgo(0), 'low')).trend).toBe('improved');
    expect((await fin(monthsAgo(5), 'high')).trend).toBeNull();
    expect(await caseRisk(c.id)).toMatchObject({ riskLevel: 'low', riskTrend: 'improved' });
    const history = (await get(analyst, `/api/cases/${c.id}/assessments?limit=2`)).body as {
      items: AssessmentBody[];
      nextCursor: string;
    };
    const rest = (await get(analyst, `/api/cases/${c.id}/assessments?cursor=${history.nextCursor}`))
      .body as { items: AssessmentBody[]; nextCursor: string | null };
    expect(rest.nextCursor).toBeNull();
    expect([...history.items, ...rest.items].map((a) => [a.period, a.overallLevel])).toEqual([
      [monthsAgo(0), 'low'],
      [monthsAgo(1), 'high'],
      [monthsAgo(2), 'moderate'],
      [monthsAgo(5), 'high'],
    ]);
  });
});

describe('bad input is a 4xx with a message and writes nothing', () => {
  it('ratings, factors, indicators, evidence, period, flags, unknown fields', async () => {
    const c = await secretCase();
    const hidden = await seedItem({
      createdBy: outsider.user.id,
      classification: 'strictly_confidential',
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    const r = (over: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      ratings: [{ factor: 7, rating: 2, confidence: 'high', ...over }],
      ...extra,
    });
    const unreadable = /does not exist or you may not read it/;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [r({ rating: 7 }), 'ratings.0.rating', /rating 7 is outside 0–4/],
      [r({ rating: 2.5 }), 'ratings.0.rating', /not a whole number/],
      [r({ factor: 15 }), 'ratings.0.factor', /risk factor 15 does not exist/],
      [r({ factor: 13 }, { crimeTypes: ['genocide'] }), 'ratings.0.factor', /13 does not apply/],
      [r({ confidence: 'certain' }), 'ratings.0.confidence', /"certain"/],
      [r({ indicatorIds: ['7.99'] }), 'ratings.0.indicatorIds', /7\.99 is not in the Framework/],
      [r({ factor: 1, indicatorIds: ['7.14'] }), 'ratings.0.indicatorIds', /7, not 1/],
      [r({ evidenceItemIds: [missing] }), 'ratings.0.evidenceItemIds', unreadable],
      [r({ evidenceItemIds: [hidden] }), 'ratings.0.evidenceItemIds', unreadable],
      [r({ evidenceItemIds: ['nope'] }), 'ratings.0.evidenceItemIds', /UUID/],
      [{ period: '2026-13', ratings: [] }, 'period', /YYYY-MM/],
      [{ period: monthsAgo(-3), ratings: [] }, 'period', /in the future/],
      [{ flags: ['panic'], ratings: [] }, 'flags', /risk_alert, resolution_opportunity/],
      [{ overallLevel: 'extreme', ratings: [] }, 'overallLevel', /overallLevel must be one of/],
      [{ crimeTypes: ['piracy'], ratings: [] }, 'crimeTypes', /crime type/],
      [{ ratings: [], colour: 'red' }, 'colour', /not an accepted field/],
      [{}, 'ratings', /ratings/],
    ];
    const before = await writesOn(c.id);
    for (const [body, field, message] of cases) {
      const res = await postAssessment(api, analyst, c.id, body);
      const error = expectError(res, 400);
      expect(detailFields(error)).toContain(field);
      expect(problemText(error)).toMatch(message);
    }
    expect(await writesOn(c.id)).toEqual(before);

    // The same checks on edit; the draft keeps its version.
    const draft = (
      await postAssessment(api, analyst, c.id, {
        crimeTypes: ['war_crimes'],
        ratings: rateAll([13], 2),
      })
    ).body as AssessmentBody;
    const afterCreate = await writesOn(c.id);
    for (const [body, field] of cases.slice(0, 10)) {
      expect(
        detailFields(expectError(await patch(analyst, draft.id, { version: 1, ...body }), 400)),
      ).toContain(field);
    }
    const stranded = expectError(
      await patch(analyst, draft.id, { version: 1, crimeTypes: ['genocide'] }),
      400,
    );
    expect(stranded.message).toMatch(/risk factor 13 is rated but would no longer apply/);
    expect(await writesOn(c.id)).toEqual(afterCreate);
  });

  it('indicators are checked against the database catalogue, not the code', async () => {
    const c = await secretCase();
    const pool = testPool();
    // Re-keyed by the Office: known only to the database, briefly.
    await pool.query(
      "INSERT INTO indicators (id, factor, position, label, verification) VALUES ('14.99', 14, 99, 'Re-keyed for a test', 'unverified')",
    );
    try {
      const res = await postAssessment(api, analyst, c.id, {
        ratings: [{ factor: 14, rating: 1, confidence: 'low', indicatorIds: ['14.99'] }],
      });
      expect(res.status).toBe(201);
      expect((res.body as AssessmentBody).ratings[0]?.indicatorIds).toEqual(['14.99']);
    } finally {
      await pool.query("DELETE FROM indicators WHERE id = '14.99'");
    }
  });
});

describe('who may do what', () => {
  it('outsider analyst 403 on an unclassified case, 404 on a classified one; analyst cannot finalise; Framework Team and admin 404', async () => {
    const c = await secretCase();
    const draft = (await postAssessment(api, analyst, c.id, { ratings: [] }))
      .body as AssessmentBody;
    const open = await openCase(api, analyst, { classification: 'unclassified' });
    const openDraft = (await postAssessment(api, analyst, open.id, { ratings: [] }))
      .body as AssessmentBody;
    expectError(await postAssessment(api, outsider, open.id, { ratings: [] }), 403, /assess/);
    expectError(await patch(outsider, openDraft.id, { version: 1 }), 403);
    // A classified case is need to know: an analyst who does not work it cannot see it at all.
    expectError(await postAssessment(api, outsider, c.id, { ratings: [] }), 404);
    expectError(await get(outsider, `/api/assessments/${draft.id}`), 404);
    expectError(await get(outsider, `/api/cases/${c.id}/assessments`), 404);
    expectError(await patch(outsider, draft.id, { version: 1 }), 404);
    for (const s of [lowClearance, ft, admin]) {
      expectError(await postAssessment(api, s, c.id, { ratings: [] }), 404);
      expectError(await get(s, `/api/assessments/${draft.id}`), 404);
      expectError(await get(s, `/api/cases/${c.id}/assessments`), 404);
      expectError(await finalise(s, draft.id), 404);
      expectError(await supersede(s, draft.id), 404);
      expectError(await patch(s, draft.id, { version: 1 }), 404);
    }
    expectError(await finalise(analyst, draft.id), 403);
    expectError(
      await get(adviser, '/api/assessments/not-a-uuid'),
      400,
      /in the address must be a UUID/,
    );
    expectError(await http().get(`/api/cases/${c.id}/assessments`), 401);
    expectError(await get(ft, '/api/risk/heat-map'), 403);
  });

  it('evidence the reader may not read is hidden from them, and kept when they edit', async () => {
    const c = await openCase(api, analyst, { classification: 'confidential' });
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: member.user.id, role: 'analyst' });
    const secret = await seedItem({
      createdBy: adviser.user.id,
      classification: 'strictly_confidential',
    });
    const open = await seedItem({ createdBy: adviser.user.id });
    const created = await postAssessment(api, adviser, c.id, {
      ratings: [{ factor: 5, rating: 3, confidence: 'high', evidenceItemIds: [secret, open] }],
    });
    expect((created.body as AssessmentBody).ratings[0]?.evidenceItemIds).toEqual([secret, open]);
    const seen = (await get(member, `/api/assessments/${(created.body as AssessmentBody).id}`))
      .body as AssessmentBody;
    expect(seen.ratings[0]?.evidenceItemIds).toEqual([open]);
    const edited = await patch(member, seen.id, {
      version: 1,
      ratings: [{ ...seen.ratings[0], rating: 4 }],
    });
    expect((edited.body as AssessmentBody).ratings[0]).toMatchObject({
      rating: 4,
      evidenceItemIds: [open],
    });
    const { rows } = await testPool().query<{ evidence_item_ids: string[] }>(
      'SELECT evidence_item_ids FROM risk_factor_ratings WHERE assessment_id = $1',
      [seen.id],
    );
    expect(rows[0]?.evidence_item_ids).toEqual([open, secret]);
  });
});

describe('suggestions and heat map', () => {
  it('counts new readable items per factor since the latest finalised assessment', async () => {
    const c = await openCase(api, analyst, { classification: 'unclassified' });
    const reader = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const link = { caseIds: [c.id], createdBy: adviser.user.id };
    await seedItem({ ...link, indicatorIds: ['7.14', '7.5'], age: '3 days' });
    await seedItem({ ...link, indicatorIds: ['1.1'], age: '3 days' });
    const counts = (s: Session) => evidenceSince(api, s, c.id);
    const first = await counts(reader);
    expect(first).toMatchObject({ since: null, assessmentId: null, byFactor: { 1: 1, 7: 1 } });
    expect(first.items).toHaveLength(14);
    expect(first.items[6]).toMatchObject({
      factor: 7,
      shortName: 'Enabling circumstances or preparatory action',
      latestItemAt: expect.any(String),
    });

    await finalisedAssessment(api, analyst, adviser, c.id, {
      ratings: rateAll(ALL_FACTORS, 1),
      overallLevel: 'low',
    });
    await seedItem({ ...link, indicatorIds: ['7.1'] });
    await seedItem({ ...link, indicatorIds: ['10.1'], classification: 'strictly_confidential' });
    await seedItem({ createdBy: adviser.user.id, indicatorIds: ['8.1'] }); // not linked to the case
    const after = await counts(reader);
    expect(after.since).toEqual(expect.any(String));
    expect(after.byFactor).toEqual({ 7: 1 });
    expect((await counts(adviser)).byFactor).toEqual({ 7: 1, 10: 1 });
    expectError(await get(ft, `/api/cases/${c.id}/evidence-since-assessment`), 404);
  });

  it('one row per readable case with a standing finalised assessment, highest level first', async () => {
    const open = await openCase(api, analyst, { classification: 'confidential' });
    const secret = await secretCase();
    const draftOnly = await secretCase();
    await finalisedAssessment(api, analyst, adviser, open.id, {
      ratings: rateAll(ALL_FACTORS, 1, { 7: 3 }),
      overallLevel: 'moderate',
    });
    await finalisedAssessment(api, analyst, adviser, secret.id, {
      period: monthsAgo(1),
      ratings: rateAll(ALL_FACTORS, 2),
      overallLevel: 'low',
    });
    await finalisedAssessment(api, analyst, adviser, secret.id, {
      ratings: rateAll(ALL_FACTORS, 4),
      overallLevel: 'very_high',
    });
    await postAssessment(api, analyst, draftOnly.id, { ratings: [] });
    const mine = [open.id, secret.id, draftOnly.id];
    const seen = await heatMap(api, adviser, mine);
    expect(seen.factors).toHaveLength(14);
    expect(seen.factors[0]).toEqual({ factor: 1, shortName: 'Armed conflict or instability' });
    expect(seen.items.map((i) => [i.caseId, i.overallLevel, i.trend, i.period])).toEqual([
      [secret.id, 'very_high', 'deteriorated', monthsAgo(0)],
      [open.id, 'moderate', null, monthsAgo(0)],
    ]);
    expect(seen.items[1]?.ratings).toMatchObject({ '1': 1, '7': 3, '14': 1 });
    expect(seen.items[0]).toMatchObject({
      reference: secret.reference,
      title: 'Situation under watch',
      country: 'KEN',
      stage: 'monitoring',
    });
    expect((await heatMap(api, lowClearance, mine)).items.map((i) => i.caseId)).toEqual([open.id]);
  });
});
