import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { rateAll, postAssessment } from '../support/assessments.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { comment, setPriority } from '../support/comments.js';
import { createDocument } from '../support/documents.js';
import { buildOrganisation, buildUser, testPool } from '../support/factories.js';
import { createSource, recordItem } from '../support/information.js';
import { draftRecommendation } from '../support/recommendations.js';
import { proposeMove } from '../support/workflow-helpers.js';
import type { OwnedScope } from './db-fingerprint.js';
import type { OpenApiDocument } from './openapi-arbitraries.js';

/** The people a fuzz suite acts as. */
export type ActorName = 'admin' | 'lead' | 'adviser' | 'ft' | 'member' | 'outsider';

/** Kinds of row a path parameter can name. */
export type FixtureKind =
  | 'case'
  | 'user'
  | 'member'
  | 'organisation'
  | 'escalation'
  | 'assessment'
  | 'notification'
  | 'source'
  | 'item'
  | 'attachment'
  | 'comment'
  | 'document'
  | 'versionNumber'
  | 'recommendation'
  | 'engagement'
  | 'accountChange';

/** Everything one fuzz suite needs: the app, its document, its people and its rows. */
export interface FuzzWorld {
  api: TestApi;
  doc: OpenApiDocument;
  sessions: Record<ActorName, Session>;
  /** Who owns the fixture notification (only they may read it). */
  notificationOwner: ActorName;
  /** The fixture of each kind, and another row of a different case or kind for swapped ids. */
  ids: Record<FixtureKind, { primary: string; other: string }>;
  scope: OwnedScope;
  /** Every fixture id: uuid fields in bodies and queries pick from these. */
  knownIds: string[];
  /** The fixture ids that fit a named uuid field. */
  idsByField: Record<string, string[]>;
}

/** The attachment limit of the fuzzed api: small, so an upload beyond it is cheap to send. */
export const FUZZ_ATTACHMENT_MAX_BYTES = 64 * 1024;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function created<T>(label: string, res: { status: number; body: unknown }, status = 201): T {
  if (res.status !== status) {
    throw new Error(`fixture ${label}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body as T;
}

/**
 * Starts an api (write rate limit raised: the fuzzer writes far faster than a person) and creates
 * one row of every kind a route can name, on a case led by `lead` and shared with the Framework
 * Team, plus a second case the lead analyst cannot read.
 */
export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const api = await startTestApi({
    WRITE_RATE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '10000',
    ATTACHMENT_MAX_BYTES: String(FUZZ_ATTACHMENT_MAX_BYTES),
  });
  const facts = supplyFacts(api);
  const docRes = await api.http().get('/api/docs-json');
  const doc = created<OpenApiDocument>('openapi', docRes, 200);

  const office = await buildOrganisation();
  const partner = await buildOrganisation({ kind: 'member_state' });
  const victimOrg = await buildOrganisation({ kind: 'civil_society' });
  const as = (roles: ('analyst' | 'adviser' | 'framework_team' | 'admin')[]) =>
    sessionFor(api, { roles, clearance: 'strictly_confidential', organisationId: office.id });
  const [admin, lead, adviser, ft, member, outsider] = await Promise.all([
    as(['admin']),
    as(['analyst']),
    as(['adviser']),
    sessionFor(api, {
      roles: ['framework_team'],
      clearance: 'confidential',
      organisationId: partner.id,
    }),
    as(['analyst']),
    as(['analyst']),
  ]);
  const victim = await buildUser({ roles: ['analyst'], organisationId: office.id });
  const sessions = { admin, lead, adviser, ft, member, outsider };
  // A grant for the victim that another administrator asked for, so the fuzzed admin may decide it.
  const requester = await buildUser({ roles: ['admin'], organisationId: office.id });
  const { rows: changeRows } = await testPool().query<{ id: string }>(
    `INSERT INTO account_changes (user_id, requested_by, add_roles, previous_clearance)
     VALUES ($1, $2, '{adviser}', 'confidential') RETURNING id`,
    [victim.id, requester.id],
  );
  const accountChange = changeRows[0]?.id ?? '';

  const caseA = await openCase(api, lead, { classification: 'confidential' });
  const caseB = await openCase(api, outsider, { classification: 'strictly_confidential' });
  facts.set(caseA.id, ALL_FACTS);
  facts.set(caseB.id, ALL_FACTS);
  await setPriority(api, adviser, caseA.id, true);
  created(
    'member',
    await api
      .http()
      .post(`/api/cases/${caseA.id}/members`)
      .set(lead.auth())
      .send({ userId: member.user.id, role: 'contributor' }),
  );
  const escalation = created<{ id: string }>(
    'escalation',
    await proposeMove(() => api.http(), lead, caseA.id, 'alert'),
  );
  const endorsement = await api
    .http()
    .put(`/api/priority-situations/${caseA.id}/endorsement`)
    .set(ft.auth())
    .send({ note: 'We share this concern.' });
  if (endorsement.status >= 300) created('endorsement', endorsement);

  const source = await createSource(api, lead);
  const item = await recordItem(api, lead, source.id, { caseIds: [caseA.id] });
  const itemB = await recordItem(api, outsider, (await createSource(api, outsider)).id, {
    caseIds: [caseB.id],
    classification: 'strictly_confidential',
  });
  const attachment = created<{ id: string }>(
    'attachment',
    await api
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(lead.auth())
      .attach('file', PDF, { filename: 'statement.pdf', contentType: 'application/pdf' }),
  );
  const assessment = created<{ id: string }>(
    'assessment',
    await postAssessment(api, lead, caseA.id, { ratings: rateAll([1, 2, 3]) }),
  );
  const note = await comment(api, lead, caseA.id, { thread: 'internal', body: 'First note.' });
  const document = await createDocument(api, lead, caseA.id);
  created(
    'version',
    await api.http().post(`/api/documents/${document.id}/versions`).set(lead.auth()),
  );
  const recommendation = await draftRecommendation(api, lead, caseA.id);
  const engagement = created<{ id: string }>(
    'engagement',
    await api.http().post(`/api/cases/${caseA.id}/engagements`).set(lead.auth()).send({
      organisationId: partner.id,
      kind: 'meeting',
      date: '2026-01-10',
      summary: 'Met the permanent mission.',
    }),
  );

  const userIds = [admin, lead, adviser, ft, member, outsider].map((s) => s.user.id);
  const { rows } = await testPool().query<{ id: string; user_id: string }>(
    'SELECT id, user_id FROM notifications WHERE user_id = ANY($1::uuid[]) ORDER BY created_at LIMIT 1',
    [userIds],
  );
  const notice = rows[0];
  const notificationOwner =
    (Object.entries(sessions).find(([, s]) => s.user.id === notice?.user_id)?.[0] as
      ActorName | undefined) ?? 'member';

  const ids: FuzzWorld['ids'] = {
    case: { primary: caseA.id, other: caseB.id },
    user: { primary: victim.id, other: caseA.id },
    member: { primary: member.user.id, other: outsider.user.id },
    organisation: { primary: victimOrg.id, other: caseA.id },
    escalation: { primary: escalation.id, other: caseA.id },
    assessment: { primary: assessment.id, other: caseB.id },
    notification: { primary: notice?.id ?? caseA.id, other: caseA.id },
    source: { primary: source.id, other: itemB.id },
    item: { primary: item.id, other: itemB.id },
    attachment: { primary: attachment.id, other: item.id },
    comment: { primary: note.id, other: caseB.id },
    document: { primary: document.id, other: caseB.id },
    versionNumber: { primary: '1', other: '2' },
    recommendation: { primary: recommendation.id, other: document.id },
    engagement: { primary: engagement.id, other: recommendation.id },
    accountChange: { primary: accountChange, other: victim.id },
  };
  const knownIds = [
    ...new Set(
      [...Object.values(ids).flatMap((v) => [v.primary, v.other]), ...userIds, partner.id].filter(
        (id) => id.length === 36,
      ),
    ),
  ];
  const idsByField: Record<string, string[]> = {
    sourceId: [source.id],
    caseId: [caseA.id],
    caseIds: [caseA.id],
    evidenceItemIds: [item.id],
    organisationId: [partner.id, office.id],
    userId: [member.user.id, victim.id],
    leadAnalystId: [lead.user.id],
    mentions: [member.user.id, adviser.user.id],
    parentId: [note.id],
    actorId: userIds,
    entityId: [caseA.id, item.id],
  };
  return {
    api,
    doc,
    idsByField,
    sessions,
    notificationOwner,
    ids,
    scope: {
      userIds: [...userIds, victim.id],
      organisationIds: [office.id, partner.id, victimOrg.id],
    },
    knownIds,
  };
}

/** Which fixture a path parameter names, from the path before it. */
export function fixtureKindOf(path: string, param: string): FixtureKind {
  if (param === 'userId') return 'member';
  if (param === 'attachmentId') return 'attachment';
  if (param === 'number') return 'versionNumber';
  const segment = path.split('/')[2] ?? '';
  const bySegment: Record<string, FixtureKind> = {
    cases: 'case',
    'priority-situations': 'case',
    users: 'user',
    organisations: 'organisation',
    escalations: 'escalation',
    assessments: 'assessment',
    notifications: 'notification',
    sources: 'source',
    'information-items': 'item',
    comments: 'comment',
    documents: 'document',
    recommendations: 'recommendation',
    engagements: 'engagement',
    'account-changes': 'accountChange',
  };
  const kind = bySegment[segment];
  if (!kind) throw new Error(`no fixture for {${param}} in ${path}: add one to fixtureKindOf`);
  return kind;
}

/**
 * The most privileged people for a route, so requests reach validation and domain code rather
 * than stopping at the guard: admin for administration, the Framework Team and an adviser for
 * priority situations, the owner for notifications, the lead analyst or an adviser for the rest.
 */
export function actorsFor(world: FuzzWorld, path: string): ActorName[] {
  const segment = path.split('/')[2] ?? '';
  if (['users', 'account-changes', 'organisations', 'audit'].includes(segment)) return ['admin'];
  if (segment === 'priority-situations') return ['ft', 'adviser'];
  if (segment === 'notifications') return [world.notificationOwner];
  return ['lead', 'adviser'];
}
