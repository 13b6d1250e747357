// Object level: ids of one situation used through another's path, or by someone who works only
// the other one, answer 404 and change nothing.
import { closeTestPool } from '../support/factories.js';
import { itemInput } from '../support/information.js';
import { recommendationInput } from '../support/recommendations.js';
import type { Session, TestApi } from '../support/api.js';
import { assessmentInput, type Ctx } from '../authorization/fixtures.js';
import {
  buildSwapWorld,
  refusedAndUnchanged,
  type SwapWorld,
} from '../authorization/swap-world.js';

let api: TestApi;
let ctx: Ctx;
let otherLead: Session;
let A: SwapWorld['A'];
let B: SwapWorld['B'];

beforeAll(async () => {
  ({ api, ctx, otherLead, A, B } = await buildSwapWorld());
}, 60_000);

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('object level: ids swapped across situations', () => {
  it("someone who works only B reaches none of A's records by id: 404, nothing written", async () => {
    const s = otherLead;
    const h = () => api.http();
    await refusedAndUnchanged(
      [
        [
          'GET comment list of A',
          () =>
            h().get(`/api/cases/${A.caseId}/comments`).query({ thread: 'internal' }).set(s.auth()),
        ],
        [
          'PATCH comment of A',
          () => h().patch(`/api/comments/${A.commentId}`).set(s.auth()).send({ body: 'x' }),
        ],
        ['DELETE comment of A', () => h().delete(`/api/comments/${A.commentId}`).set(s.auth())],
        ['GET recommendation of A', () => h().get(`/api/recommendations/${A.recId}`).set(s.auth())],
        [
          'PATCH recommendation of A',
          () =>
            h()
              .patch(`/api/recommendations/${A.recId}`)
              .set(s.auth())
              .send({ version: 1, text: 'x' }),
        ],
        [
          'PATCH engagement of A',
          () =>
            h()
              .patch(`/api/engagements/${A.engagementId}`)
              .set(s.auth())
              .send({ version: 1, summary: 'x' }),
        ],
        ['GET document of A', () => h().get(`/api/documents/${A.documentId}`).set(s.auth())],
        [
          'POST version of A',
          () => h().post(`/api/documents/${A.documentId}/versions`).set(s.auth()),
        ],
        [
          'POST submit of A',
          () => h().post(`/api/documents/${A.documentId}/submit`).set(s.auth()).send({}),
        ],
        [
          'PATCH assessment of A',
          () =>
            h()
              .patch(`/api/assessments/${A.assessmentId}`)
              .set(s.auth())
              .send({ version: 1, summary: 'x' }),
        ],
        ['GET escalation of A', () => h().get(`/api/escalations/${A.escalationId}`).set(s.auth())],
        [
          'withdraw escalation of A',
          () => h().post(`/api/escalations/${A.escalationId}/withdraw`).set(s.auth()).send({}),
        ],
        ['GET item of A', () => h().get(`/api/information-items/${A.itemId}`).set(s.auth())],
        [
          'PATCH item of A',
          () =>
            h()
              .patch(`/api/information-items/${A.itemId}`)
              .set(s.auth())
              .send({ version: 1, title: 'x' }),
        ],
        ['GET source of A', () => h().get(`/api/sources/${A.sourceId}`).set(s.auth())],
        [
          'GET attachment of A under B’s item',
          () =>
            h()
              .get(`/api/information-items/${B.itemId}/attachments/${A.attachmentId}`)
              .set(s.auth()),
        ],
        [
          'POST comment on A',
          () =>
            h()
              .post(`/api/cases/${A.caseId}/comments`)
              .set(s.auth())
              .send({ thread: 'internal', body: 'x' }),
        ],
      ],
      [404],
    );
  });

  it('the lead of both cannot mix them: a record of A through B’s path or in B’s body is refused', async () => {
    const s = ctx.cast.lead;
    const h = () => api.http();
    await refusedAndUnchanged(
      [
        [
          'attachment of A under item B',
          () =>
            h()
              .get(`/api/information-items/${B.itemId}/attachments/${A.attachmentId}`)
              .set(s.auth()),
        ],
        [
          'remove from B a member of A only',
          () =>
            h()
              .delete(`/api/cases/${B.caseId}/members/${ctx.cast.member.user.id}`)
              .set(otherLead.auth()),
        ],
      ],
      [404],
    );
    await refusedAndUnchanged(
      [
        [
          'reply on B to a comment of A',
          () =>
            h()
              .post(`/api/cases/${B.caseId}/comments`)
              .set(s.auth())
              .send({ thread: 'internal', body: 'x', parentId: A.commentId }),
        ],
        [
          'recommendation on B carried by A’s document',
          () =>
            h()
              .post(`/api/cases/${B.caseId}/recommendations`)
              .set(s.auth())
              .send(recommendationInput({ documentId: A.documentId })),
        ],
        [
          'B’s recommendation pointed at A’s document',
          () =>
            h()
              .patch(`/api/recommendations/${B.recId}`)
              .set(s.auth())
              .send({ version: 1, documentId: A.documentId }),
        ],
      ],
      [400, 404, 409],
    );
  });

  it('references in a body to records the caller may not read are refused as absent', async () => {
    const s = otherLead;
    const h = () => api.http();
    await refusedAndUnchanged(
      [
        [
          'item linked to hidden case A',
          () =>
            h()
              .post('/api/information-items')
              .set(s.auth())
              .send(itemInput(A.sourceId, { caseIds: [B.caseId] })),
        ],
        [
          'item on B linked to A',
          () =>
            h()
              .patch(`/api/information-items/${B.itemId}`)
              .set(s.auth())
              .send({ version: 1, caseIds: [B.caseId, A.caseId] }),
        ],
        [
          'assessment of B citing A’s item',
          () =>
            h()
              .post(`/api/cases/${B.caseId}/assessments`)
              .set(s.auth())
              .send({
                ...assessmentInput(),
                ratings: assessmentInput().ratings.map((r, i) =>
                  i === 0 ? { ...r, evidenceItemIds: [A.itemId] } : r,
                ),
              }),
        ],
      ],
      [400, 404],
    );
  });
});
