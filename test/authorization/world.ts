import {
  expectOk,
  freshCase,
  freshComment,
  freshDocument,
  freshEngagement,
  freshItem,
  freshRecommendation,
  freshSource,
  freshUser,
  leadNotification,
  partner,
  assessmentInput,
  CASE_STATES,
  type CaseState,
  type Ctx,
} from './fixtures.js';

/** The shared objects of one case state, read by every actor (writes use fresh ones). */
export interface CaseWorld {
  state: CaseState;
  caseId: string;
  sourceId: string;
  itemId: string;
  attachmentId: string;
  assessmentId: string;
  documentId: string;
  transmittedDocumentId: string;
  recommendationId: string;
  engagementId: string;
  internalCommentId: string;
  ftCommentId: string;
  escalationId: string;
  partnerId: string;
}

/** Every shared fixture. */
export interface World {
  cases: Record<CaseState, CaseWorld>;
  /** An Office user nobody else is (target of the admin routes). */
  otherUserId: string;
  /** An organisation (target of the admin routes). */
  organisationId: string;
  /** A notification of the lead. */
  notificationId: string;
}

async function caseWorld(ctx: Ctx, state: CaseState): Promise<CaseWorld> {
  const { api, cast } = ctx;
  const caseId = await freshCase(ctx, state);
  const source = await freshSource(ctx);
  const item = await freshItem(ctx, state, caseId, source.id);
  const attachment = expectOk(
    await api
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(cast.lead.auth())
      .attach('file', Buffer.from('Witness notes.\n'), {
        filename: 'notes.txt',
        contentType: 'text/plain',
      }),
    201,
    'attachment',
  );
  const assessment = expectOk(
    await api
      .http()
      .post(`/api/cases/${caseId}/assessments`)
      .set(cast.lead.auth())
      .send(assessmentInput()),
    201,
    'assessment',
  );
  const document = await freshDocument(ctx, caseId, 'drafting');
  for (let n = 0; n < 2; n += 1)
    expectOk(
      await api.http().post(`/api/documents/${document.id}/versions`).set(cast.lead.auth()),
      201,
      'version',
    );
  const transmitted = await freshDocument(ctx, caseId, 'transmitted');
  const recommendation = await freshRecommendation(ctx, caseId, 'approved');
  const partnerId = await partner();
  const engagement = await freshEngagement(ctx, caseId, partnerId);
  const internal = await freshComment(ctx, caseId, 'internal');
  const ft = await freshComment(ctx, caseId, 'framework_team');
  const escalation = expectOk(
    await api
      .http()
      .post(`/api/cases/${caseId}/escalations`)
      .set(cast.lead.auth())
      .send({ toStage: 'alert', justification: 'Risk factors deteriorated.' }),
    201,
    'escalation',
  );
  for (const id of [attachment.id, assessment.id, escalation.id]) ctx.known.add(id);
  return {
    state,
    caseId,
    sourceId: source.id,
    itemId: item.id,
    attachmentId: attachment.id,
    assessmentId: assessment.id,
    documentId: document.id,
    transmittedDocumentId: transmitted.id,
    recommendationId: recommendation.id,
    engagementId: engagement.id,
    internalCommentId: internal.id,
    ftCommentId: ft.id,
    escalationId: escalation.id,
    partnerId,
  };
}

/** Builds both case states and the global fixtures. */
export async function buildWorld(ctx: Ctx): Promise<World> {
  const [confidential, unclassified] = await Promise.all(CASE_STATES.map((s) => caseWorld(ctx, s)));
  if (!confidential || !unclassified) throw new Error('case worlds missing');
  const other = await freshUser(ctx);
  const organisationId = await partner();
  ctx.known.add(organisationId);
  return {
    cases: { 'confidential-shared': confidential, unclassified },
    otherUserId: other.id,
    organisationId,
    notificationId: await leadNotification(ctx, confidential.caseId),
  };
}
