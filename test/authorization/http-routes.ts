import { randomUUID } from 'node:crypto';
import { signIn } from '../support/api.js';
import { buildUser, testPool } from '../support/factories.js';
import { recommendationInput } from '../support/recommendations.js';
import { itemInput } from '../support/information.js';
import type { Actor } from './actors.js';
import {
  assessmentInput,
  caseVersion,
  engagementInput,
  freshAssessment,
  freshCase,
  freshClosedCase,
  freshComment,
  freshDocument,
  freshEngagement,
  freshEscalation,
  freshItem,
  freshRecommendation,
  freshSource,
  freshUser,
  speechInput,
  CASE_STATES,
  type CaseState,
  type Ctx,
  type DocumentStatus,
} from './fixtures.js';
import type { CaseWorld, World } from './world.js';

/** What one call addresses: the path parameters, the query, and facts the body needs. */
export interface Target {
  params: Record<string, string>;
  query?: Record<string, string>;
  version?: number;
  /** A refresh token, sent in the `vigil_refresh` cookie. */
  refreshToken?: string;
  /** An access token sent instead of the actor's own (signing out a throwaway session). */
  bearer?: string;
}

/** Everything a route's target and body may look at. */
export interface CallContext {
  ctx: Ctx;
  world: World;
  actor: Actor;
  /** The fixture label of this row (a case state, maybe with a thread). */
  fixture: string;
  /**
   * Builds this call's fresh objects. For an actor the table expects to be refused, the objects
   * are built once per row and shared by every such actor (a refusal consumes nothing); an actor
   * expected to succeed gets its own.
   */
  once: <T>(make: () => Promise<T>) => Promise<T>;
}

/** A JSON body, no body at all, or the multipart upload of a small text file. */
export type BodySpec = 'none' | 'multipart' | ((t: Target, c: CallContext) => object);

/** How the matrix calls one `METHOD /api/path`. */
export interface RouteSpec {
  /** The rows of this route: one per fixture label. */
  fixtures: readonly string[];
  /** Resolves the path's parameters (building fresh objects when a success would consume them). */
  target: (c: CallContext) => Promise<Target> | Target;
  /** A valid body, so the status reflects authorization and not validation. */
  body: BodySpec;
}

/** Rows without a fixture (routes on no particular object). */
const GLOBAL = ['-'] as const;
const THREADS = [
  'confidential-shared internal',
  'confidential-shared framework_team',
  'unclassified internal',
] as const;

function stateOf(fixture: string): CaseState {
  return fixture.startsWith('unclassified') ? 'unclassified' : 'confidential-shared';
}
function threadOf(fixture: string): 'internal' | 'framework_team' {
  return fixture.endsWith('framework_team') ? 'framework_team' : 'internal';
}
function cw(c: CallContext): CaseWorld {
  return c.world.cases[stateOf(c.fixture)];
}
/** A route on one shared object of the case world. */
function onCase(
  pick: (w: CaseWorld) => Record<string, string>,
  body: BodySpec = 'none',
): RouteSpec {
  return { fixtures: CASE_STATES, target: (c) => ({ params: pick(cw(c)) }), body };
}
/** A route on a fresh object per call. */
function fresh(
  target: (c: CallContext, state: CaseState) => Promise<Target>,
  body: BodySpec = 'none',
): RouteSpec {
  return {
    fixtures: CASE_STATES,
    target: (c) => c.once(() => target(c, stateOf(c.fixture))),
    body,
  };
}
function global(
  target: (c: CallContext) => Target | Promise<Target>,
  body: BodySpec = 'none',
): RouteSpec {
  return { fixtures: GLOBAL, target, body };
}
const none = (): Target => ({ params: {} });
const note = () => ({ note: 'Checked by the matrix.' });
const freshDoc = (status: DocumentStatus, body: BodySpec = note) =>
  fresh(
    async (c) => ({ params: { id: (await freshDocument(c.ctx, cw(c).caseId, status)).id } }),
    body,
  );
const freshRec = (status: 'draft' | 'approved' | 'transmitted') =>
  fresh(
    async (c) => ({ params: { id: (await freshRecommendation(c.ctx, cw(c).caseId, status)).id } }),
    note,
  );
const freshCaseTarget = async (c: CallContext, state: CaseState): Promise<Target> => {
  const id = await freshCase(c.ctx, state);
  return { params: { id }, version: await caseVersion(c.ctx, id) };
};
/**
 * A pending grant (adviser) for a fresh account, requested by an administrator who is none of the
 * actors, so the admin column may decide it (issue 15: never the requester, never the target).
 */
const freshAccountChange = async (c: CallContext): Promise<Target> => {
  const target = await freshUser(c.ctx);
  const requester = await buildUser({ roles: ['admin'], organisationId: c.ctx.cast.officeId });
  const { rows } = await testPool().query<{ id: string }>(
    `INSERT INTO account_changes (user_id, requested_by, add_roles, previous_clearance)
     VALUES ($1, $2, '{adviser}', 'confidential') RETURNING id`,
    [target.id, requester.id],
  );
  const id = rows[0]?.id ?? '';
  c.ctx.known.add(id);
  return { params: { id } };
};
/** A refresh token of a throwaway account, so the actor's own session survives. */
const throwawayToken = async (c: CallContext): Promise<Target> => {
  const u = await freshUser(c.ctx);
  const session = await signIn(c.ctx.api, u);
  return { params: {}, refreshToken: session.refreshToken, bearer: session.accessToken };
};

/** Every route of the OpenAPI document, keyed `METHOD /api/path/{param}`. */
export const ROUTES: Record<string, RouteSpec> = {
  'GET /api/health': global(none),
  'GET /api/health/live': global(none),
  // Each signed-in actor signs in as its own account (the others as the lead): ten sign-ins of one
  // account from one address at the same moment are rightly slowed down by the sign-in delays.
  'POST /api/auth/login': global(none, (_t, c) => {
    const user =
      c.actor.user && c.actor.name !== 'deactivated' ? c.actor.user : c.ctx.cast.lead.user;
    return { email: user.email, password: user.password };
  }),
  'POST /api/auth/refresh': global(throwawayToken, 'none'),
  'POST /api/auth/logout': global(throwawayToken, 'none'),
  'GET /api/auth/me': global(none),
  'PATCH /api/auth/me/preferences': global(none, () => ({ emailNotifications: 'daily_digest' })),
  'GET /api/users': global(none),
  'POST /api/users': global(none, (_t, c) => ({
    email: `matrix-${randomUUID().slice(0, 8)}@vigil.test`,
    displayName: 'Matrix Person',
    password: 'a long enough passphrase 42',
    roles: ['analyst'],
    clearance: 'confidential',
    organisationId: c.ctx.cast.officeId,
  })),
  'GET /api/users/{id}': global((c) => ({ params: { id: c.world.otherUserId } })),
  'PATCH /api/users/{id}': global(
    (c) => c.once(async () => ({ params: { id: (await freshUser(c.ctx)).id } })),
    () => ({ displayName: 'Renamed By Matrix' }),
  ),
  'GET /api/account-changes': global(none),
  'POST /api/account-changes/{id}/confirm': global((c) => c.once(() => freshAccountChange(c))),
  'POST /api/account-changes/{id}/reject': global((c) => c.once(() => freshAccountChange(c))),
  'GET /api/organisations': global(none),
  'POST /api/organisations': global(none, () => {
    const tag = randomUUID().slice(0, 8);
    return { name: `Matrix agency ${tag}`, acronym: `MX-${tag}`, kind: 'un_entity' };
  }),
  'PATCH /api/organisations/{id}': global(
    (c) => ({ params: { id: c.world.organisationId } }),
    () => ({ kind: 'regional_org' }),
  ),
  'GET /api/audit': global(none),
  'GET /api/audit/verify': global(none),
  'GET /api/countries': global(none),
  'GET /api/framework': global(none),
  'GET /api/risk/heat-map': global(none),
  'GET /api/cases': global(none),
  'POST /api/cases': global(none, () => ({
    title: 'Matrix new situation',
    country: 'KEN',
    summary: 'Opened by the matrix.',
    classification: 'confidential',
  })),
  'GET /api/cases/stats': global(none),
  'GET /api/cases/{id}': onCase((w) => ({ id: w.caseId })),
  'PATCH /api/cases/{id}': fresh(freshCaseTarget, (t) => ({
    version: t.version,
    summary: 'Edited by the matrix.',
  })),
  'GET /api/cases/{id}/members': onCase((w) => ({ id: w.caseId })),
  'POST /api/cases/{id}/members': fresh(
    async (c, s) => ({
      params: { id: await freshCase(c.ctx, s), userId: (await freshUser(c.ctx)).id },
    }),
    (t) => ({ userId: t.params.userId, role: 'analyst' }),
  ),
  'GET /api/cases/{id}/member-candidates': onCase((w) => ({ id: w.caseId })),
  'DELETE /api/cases/{id}/members/{userId}': fresh(async (c, s) => ({
    params: { id: await freshCase(c.ctx, s), userId: c.ctx.cast.member.user.id },
  })),
  'GET /api/cases/{id}/workflow': onCase((w) => ({ id: w.caseId })),
  'GET /api/cases/{id}/events': onCase((w) => ({ id: w.caseId })),
  'POST /api/cases/{id}/reviews': fresh(freshCaseTarget, () => ({ note: 'Reviewed.' })),
  'POST /api/cases/{id}/reopen': fresh(
    async (c, s) => ({ params: { id: await freshClosedCase(c.ctx, s) } }),
    () => ({ note: 'New reports.' }),
  ),
  'POST /api/cases/{id}/escalations': fresh(freshCaseTarget, () => ({
    toStage: 'alert',
    justification: 'Risk factors deteriorated.',
  })),
  'POST /api/cases/{id}/priority': fresh(freshCaseTarget, (_t, c) => ({
    shared: stateOf(c.fixture) === 'unclassified',
  })),
  'GET /api/escalations': global(none),
  'GET /api/escalations/{id}': onCase((w) => ({ id: w.escalationId })),
  'POST /api/escalations/{id}/approve': fresh(
    async (c, s) => ({ params: { id: (await freshEscalation(c.ctx, s)).id } }),
    note,
  ),
  'POST /api/escalations/{id}/reject': fresh(
    async (c, s) => ({ params: { id: (await freshEscalation(c.ctx, s)).id } }),
    note,
  ),
  'POST /api/escalations/{id}/withdraw': fresh(
    async (c, s) => ({ params: { id: (await freshEscalation(c.ctx, s)).id } }),
    note,
  ),
  'GET /api/cases/{id}/assessments': onCase((w) => ({ id: w.caseId })),
  'POST /api/cases/{id}/assessments': fresh(freshCaseTarget, () => assessmentInput()),
  'GET /api/assessments/{id}': onCase((w) => ({ id: w.assessmentId })),
  'PATCH /api/assessments/{id}': fresh(
    async (c, s) => {
      const a = await freshAssessment(c.ctx, s);
      return { params: { id: a.id }, version: a.version };
    },
    (t) => ({ version: t.version, summary: 'Revised by the matrix.' }),
  ),
  'POST /api/assessments/{id}/finalise': fresh(async (c, s) => ({
    params: { id: (await freshAssessment(c.ctx, s)).id },
  })),
  'POST /api/assessments/{id}/supersede': fresh(async (c, s) => ({
    params: { id: (await freshAssessment(c.ctx, s, true)).id },
  })),
  'GET /api/cases/{id}/evidence-since-assessment': onCase((w) => ({ id: w.caseId })),
  'GET /api/notifications': global(none),
  'POST /api/notifications/read-all': global(none),
  'POST /api/notifications/{id}/read': global((c) => ({ params: { id: c.world.notificationId } })),
  'GET /api/sources': global(none),
  'POST /api/sources': global(none, () => ({
    name: `Matrix informant ${randomUUID().slice(0, 8)}`,
    kind: 'media',
    reliability: 'C',
  })),
  'GET /api/sources/{id}': onCase((w) => ({ id: w.sourceId })),
  'PATCH /api/sources/{id}': fresh(
    async (c, s) => {
      const source = await freshSource(c.ctx);
      await freshItem(c.ctx, s, cw(c).caseId, source.id);
      return { params: { id: source.id }, version: source.version };
    },
    (t) => ({ version: t.version, reliability: 'A' }),
  ),
  'GET /api/information-items': global(none),
  'POST /api/information-items': onCase(
    () => ({}),
    (_t, c) =>
      itemInput(cw(c).sourceId, {
        classification: stateOf(c.fixture) === 'unclassified' ? 'unclassified' : 'confidential',
        caseIds: [cw(c).caseId],
      }),
  ),
  'GET /api/information-items/count': global(none),
  'GET /api/information-items/export.csv': global(none),
  'GET /api/information-items/{id}': onCase((w) => ({ id: w.itemId })),
  'PATCH /api/information-items/{id}': fresh(
    async (c, s) => {
      const item = await freshItem(c.ctx, s, cw(c).caseId, cw(c).sourceId);
      return { params: { id: item.id }, version: item.version };
    },
    (t) => ({ version: t.version, title: 'Retitled by the matrix' }),
  ),
  'PUT /api/information-items/{id}/speech-assessment': fresh(
    async (c, s) => ({
      params: {
        id: (await freshItem(c.ctx, s, cw(c).caseId, cw(c).sourceId, { kind: 'speech' })).id,
      },
    }),
    () => speechInput(),
  ),
  'POST /api/information-items/{id}/attachments': onCase((w) => ({ id: w.itemId }), 'multipart'),
  'GET /api/information-items/{id}/attachments/{attachmentId}': onCase((w) => ({
    id: w.itemId,
    attachmentId: w.attachmentId,
  })),
  'GET /api/cases/{id}/comments': {
    fixtures: THREADS,
    target: (c) => ({ params: { id: cw(c).caseId }, query: { thread: threadOf(c.fixture) } }),
    body: 'none',
  },
  'POST /api/cases/{id}/comments': {
    fixtures: THREADS,
    target: (c) => ({ params: { id: cw(c).caseId } }),
    body: (_t, c) => ({ thread: threadOf(c.fixture), body: 'Noted by the matrix.' }),
  },
  'GET /api/cases/{id}/comments/mentionable': {
    fixtures: THREADS,
    target: (c) => ({ params: { id: cw(c).caseId }, query: { thread: threadOf(c.fixture) } }),
    body: 'none',
  },
  'PATCH /api/comments/{id}': {
    fixtures: THREADS,
    target: (c) =>
      c.once(async () => ({
        params: { id: (await freshComment(c.ctx, cw(c).caseId, threadOf(c.fixture))).id },
      })),
    body: () => ({ body: 'Edited by the matrix.' }),
  },
  'DELETE /api/comments/{id}': {
    fixtures: THREADS,
    target: (c) =>
      c.once(async () => ({
        params: { id: (await freshComment(c.ctx, cw(c).caseId, threadOf(c.fixture))).id },
      })),
    body: 'none',
  },
  'GET /api/priority-situations': global(none),
  'GET /api/priority-situations/{id}': onCase((w) => ({ id: w.caseId })),
  'GET /api/priority-situations/{id}/events': onCase((w) => ({ id: w.caseId })),
  'PUT /api/priority-situations/{id}/endorsement': onCase(
    (w) => ({ id: w.caseId }),
    () => ({ note: 'We support early action.' }),
  ),
  'DELETE /api/priority-situations/{id}/endorsement': {
    fixtures: CASE_STATES,
    // Each actor first tries to endorse, so a permitted removal has something to remove.
    target: async (c) => {
      const id = cw(c).caseId;
      const s = c.actor.session;
      if (s)
        await c.ctx.api
          .http()
          .put(`/api/priority-situations/${id}/endorsement`)
          .set(s.auth())
          .send({ note: 'To be withdrawn.' });
      return { params: { id } };
    },
    body: 'none',
  },
  'GET /api/cases/{id}/endorsements': onCase((w) => ({ id: w.caseId })),
  'POST /api/cases/{id}/documents': onCase(
    (w) => ({ id: w.caseId }),
    () => ({ kind: 'briefing', title: 'Matrix briefing' }),
  ),
  'GET /api/cases/{id}/documents': onCase((w) => ({ id: w.caseId })),
  'GET /api/documents/{id}': onCase((w) => ({ id: w.documentId })),
  'POST /api/documents/{id}/submit': freshDoc('drafting'),
  'POST /api/documents/{id}/approve': freshDoc('in_review'),
  'POST /api/documents/{id}/return': freshDoc('in_review'),
  'POST /api/documents/{id}/transmit': freshDoc('approved', () => ({
    recipient: 'Executive Office of the Secretary-General',
  })),
  'POST /api/documents/{id}/revisions': freshDoc('transmitted', 'none'),
  'POST /api/documents/{id}/versions': onCase((w) => ({ id: w.documentId })),
  'GET /api/documents/{id}/versions': onCase((w) => ({ id: w.documentId })),
  'GET /api/documents/{id}/versions/{number}': onCase((w) => ({ id: w.documentId, number: '1' })),
  'GET /api/documents/{id}/versions/{number}/pdf': onCase((w) => ({
    id: w.documentId,
    number: '1',
  })),
  'GET /api/documents/{id}/diff': {
    fixtures: CASE_STATES,
    target: (c) => ({ params: { id: cw(c).documentId }, query: { from: '1', to: '2' } }),
    body: 'none',
  },
  'GET /api/documents/{id}/verify': onCase((w) => ({ id: w.transmittedDocumentId })),
  'POST /api/cases/{id}/recommendations': onCase(
    (w) => ({ id: w.caseId }),
    () => recommendationInput(),
  ),
  'GET /api/cases/{id}/recommendations': onCase((w) => ({ id: w.caseId })),
  'GET /api/recommendations/{id}': onCase((w) => ({ id: w.recommendationId })),
  'PATCH /api/recommendations/{id}': fresh(
    async (c) => {
      const r = await freshRecommendation(c.ctx, cw(c).caseId, 'draft');
      return { params: { id: r.id }, version: r.version };
    },
    (t) => ({ version: t.version, text: 'Reworded by the matrix.' }),
  ),
  'POST /api/recommendations/{id}/approve': freshRec('draft'),
  'POST /api/recommendations/{id}/transmit': freshRec('approved'),
  'POST /api/recommendations/{id}/implemented': freshRec('transmitted'),
  'POST /api/recommendations/{id}/declined': freshRec('draft'),
  'POST /api/cases/{id}/engagements': onCase(
    (w) => ({ id: w.caseId }),
    (_t, c) => engagementInput(cw(c).partnerId),
  ),
  'GET /api/cases/{id}/engagements': onCase((w) => ({ id: w.caseId })),
  'PATCH /api/engagements/{id}': fresh(
    async (c) => {
      const e = await freshEngagement(c.ctx, cw(c).caseId, cw(c).partnerId);
      return { params: { id: e.id }, version: e.version };
    },
    (t) => ({ version: t.version, outcome: 'Agreed to follow up.' }),
  ),
};
