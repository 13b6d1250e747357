import { NotificationsService } from '@vigil/server';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { retireUnmailable } from '../../libs/server/src/notifications/notification-email.store.js';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { postComment, setPriority } from '../support/comments.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { decideOn, proposeMove } from '../support/workflow-helpers.js';

// Notifications follow access (issue 14, item 7): one is shown, counted, e-mailed and pushed only
// while its reader may still read its case; it is never written for someone who may not; and a
// withdrawn proposal takes back the "awaiting your approval" it caused.

let api: TestApi;
let lead: Session;
let adviser: Session;
const http = () => api.http();

beforeAll(async () => {
  api = await startTestApi();
  [lead, adviser] = await Promise.all([
    sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' }),
    sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' }),
  ]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

interface NotificationPage {
  items: { id: string; type: string; caseId: string | null; payload: Record<string, unknown> }[];
  unread: number;
}

async function bell(s: Session): Promise<NotificationPage> {
  const res = await http().get('/api/notifications').query({ limit: '100' }).set(s.auth());
  expect(res.status).toBe(200);
  return res.body as NotificationPage;
}

async function memberOn(caseId: string, who: Session): Promise<void> {
  const res = await http()
    .post(`/api/cases/${caseId}/members`)
    .set(lead.auth())
    .send({ userId: who.user.id, role: 'analyst' });
  expect(res.status).toBe(201);
}

async function removeMember(caseId: string, who: Session): Promise<void> {
  const res = await http().delete(`/api/cases/${caseId}/members/${who.user.id}`).set(lead.auth());
  expect(res.status).toBe(204);
}

describe('a member taken off a case', () => {
  it('no longer sees, counts or can mark read what they were told about it, nor is it e-mailed', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const c = await openCase(api, lead, { classification: 'confidential' });
    await memberOn(c.id, member);
    const mentioned = await postComment(api, lead, c.id, {
      thread: 'internal',
      body: 'Please check the new reports',
      mentions: [member.user.id],
    });
    expect(mentioned.status).toBe(201);
    await testPool().query("UPDATE users SET email_notifications = 'immediate' WHERE id = $1", [
      member.user.id,
    ]);
    const before = await bell(member);
    const mention = before.items.find((n) => n.caseId === c.id);
    expect(mention?.type).toBe('mention');
    expect(before.unread).toBe(1);

    await removeMember(c.id, member);
    const after = await bell(member);
    expect(after.items.filter((n) => n.caseId === c.id)).toEqual([]);
    expect(after.unread).toBe(0);
    expectError(
      await http().post(`/api/notifications/${mention?.id}/read`).set(member.auth()).send(),
      404,
    );
    // The e-mail job retires it unsent.
    const db = api.app.get(DataSource);
    await db.transaction((m) => retireUnmailable(m));
    const { rows } = await testPool().query<{ emailed_at: Date | null }>(
      'SELECT emailed_at FROM notifications WHERE id = $1',
      [mention?.id],
    );
    expect(rows[0]?.emailed_at).not.toBeNull();

    // Put back on the case, they see it again (nothing was lost).
    await memberOn(c.id, member);
    expect((await bell(member)).items.map((n) => n.id)).toContain(mention?.id);
  });

  it('is not told how a proposal they made was decided once they are off the case', async () => {
    const member = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const c = await openCase(api, lead, { classification: 'confidential' });
    await memberOn(c.id, member);
    const proposed = await proposeMove(http, member, c.id, 'closed');
    expect(proposed.status).toBe(201);
    await removeMember(c.id, member);
    const decided = await decideOn(http, adviser, (proposed.body as { id: string }).id, 'reject');
    expect(decided.status).toBe(200);
    const { rows } = await testPool().query(
      "SELECT 1 FROM notifications WHERE user_id = $1 AND type = 'escalation.decided'",
      [member.user.id],
    );
    expect(rows).toEqual([]);
  });
});

describe('someone who also reads through the Framework Team', () => {
  it('keeps what was about the Framework Team thread, and loses the Office’s', async () => {
    const both = await sessionFor(api, {
      roles: ['analyst', 'framework_team'],
      clearance: 'confidential',
    });
    const c = await openCase(api, lead, { classification: 'confidential' });
    await setPriority(api, adviser, c.id, true);
    await memberOn(c.id, both);
    for (const thread of ['internal', 'framework_team'] as const) {
      const posted = await postComment(api, lead, c.id, {
        thread,
        body: `Look at this (${thread})`,
        mentions: [both.user.id],
      });
      expect(posted.status).toBe(201);
    }
    const threads = async () =>
      (await bell(both)).items
        .filter((n) => n.caseId === c.id)
        .map((n) => n.payload['thread'])
        .sort();
    expect(await threads()).toEqual(['framework_team', 'internal']);
    // Off the case, they still read the shared situation's restricted view and its thread.
    await removeMember(c.id, both);
    expect(await threads()).toEqual(['framework_team']);
  });
});

describe('writing a notification', () => {
  it('skips anyone who may not read its case, whoever the writer named', async () => {
    const c = await openCase(api, lead, { classification: 'strictly_confidential' });
    const lowered = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
    const notifications = api.app.get(NotificationsService);
    const db = api.app.get(DataSource);
    const notified = await db.transaction((m) =>
      notifications.notify(m, {
        userIds: [lead.user.id, lowered.user.id],
        type: 'review.overdue',
        caseId: c.id,
        payload: { reference: c.reference },
        dedupeKey: `test:${randomUUID()}`,
      }),
    );
    expect(notified).toEqual([lead.user.id]);
  });
});

describe('a withdrawn proposal', () => {
  it('takes back every "awaiting your approval" it caused', async () => {
    const c = await openCase(api, lead, { classification: 'confidential' });
    const proposed = await proposeMove(http, lead, c.id, 'closed');
    expect(proposed.status).toBe(201);
    const id = (proposed.body as { id: string }).id;
    const waiting = (await bell(adviser)).items.filter(
      (n) => n.type === 'escalation.awaiting_approval' && n.payload['escalationId'] === id,
    );
    expect(waiting).toHaveLength(1);

    expect((await decideOn(http, lead, id, 'withdraw')).status).toBe(200);
    expect((await bell(adviser)).items.filter((n) => n.payload['escalationId'] === id)).toEqual([]);
    const { rows } = await testPool().query(
      "SELECT 1 FROM notifications WHERE dedupe_key = 'escalation-proposed:' || $1",
      [id],
    );
    expect(rows).toEqual([]);
  });
});
