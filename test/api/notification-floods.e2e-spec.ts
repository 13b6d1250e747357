import { Test, type TestingModule } from '@nestjs/testing';
import { CoreModule, JobsModule, NotificationEmailJob, NotificationsService } from '@vigil/server';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { testPool } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { testConfig } from '../support/test-config.js';
import { decideOn, proposeMove } from '../support/workflow-helpers.js';

// Nothing one person can flood (issue 15, item 7): a proposal notifies each adviser once and is
// taken back when withdrawn or decided, so a propose/withdraw loop leaves nothing waiting; and
// e-mail per recipient stays within an hourly budget, urgent kinds first. A database of its own:
// every proposal notifies every cleared adviser there is.

let own: OwnDatabase;
let api: TestApi;
let smtp: TestSmtp;
let jobs: TestingModule;
let emailJob: NotificationEmailJob;
let lead: Session;
let adviser: Session;
const http = () => api.http();

beforeAll(async () => {
  own = await ownDatabase();
  smtp = await startTestSmtp();
  api = await startTestApi();
  jobs = await Test.createTestingModule({
    imports: [
      CoreModule.forRoot(testConfig({ SMTP_URL: smtp.url, EMAIL_PER_RECIPIENT_PER_HOUR: '3' })),
      JobsModule,
    ],
  }).compile();
  emailJob = jobs.get(NotificationEmailJob);
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  adviser = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  const res = await http()
    .patch('/api/auth/me/preferences')
    .set(adviser.auth())
    .send({ emailNotifications: 'immediate' });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await jobs.close();
  await api.close();
  await smtp.close();
  await own.drop();
});

async function awaiting(userId: string, caseId: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications
     WHERE user_id = $1 AND case_id = $2 AND type = 'escalation.awaiting_approval'`,
    [userId, caseId],
  );
  return rows[0]?.n ?? -1;
}

it('a propose/withdraw loop leaves each adviser at most one waiting notification, none at the end', async () => {
  const c = await openCase(api, lead, { classification: 'confidential' });
  for (let i = 0; i < 15; i += 1) {
    const proposed = await proposeMove(http, lead, c.id, 'closed');
    expect(proposed.status).toBe(201);
    expect(await awaiting(adviser.user.id, c.id)).toBe(1);
    const id = (proposed.body as { id: string }).id;
    expect((await decideOn(http, lead, id, 'withdraw')).status).toBe(200);
  }
  expect(await awaiting(adviser.user.id, c.id)).toBe(0);
});

it('a decided proposal awaits nobody: its notifications go', async () => {
  const c = await openCase(api, lead, { classification: 'confidential' });
  const proposed = await proposeMove(http, lead, c.id, 'closed');
  const other = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  expect(await awaiting(adviser.user.id, c.id)).toBe(1);
  expect((await decideOn(http, other, (proposed.body as { id: string }).id, 'reject')).status).toBe(
    200,
  );
  expect(await awaiting(adviser.user.id, c.id)).toBe(0);
});

it('e-mail per recipient stays within the hourly budget, urgent kinds first', async () => {
  await testPool().query('UPDATE notifications SET emailed_at = now() WHERE emailed_at IS NULL');
  const c = await openCase(api, lead, { classification: 'confidential' });
  const notifications = api.app.get(NotificationsService);
  const db = api.app.get(DataSource);
  await db.transaction(async (m) => {
    for (let i = 0; i < 6; i += 1)
      await notifications.notify(m, {
        userIds: [adviser.user.id],
        type: 'mention',
        caseId: c.id,
        payload: { reference: c.reference, thread: 'internal' },
        dedupeKey: `flood:${randomUUID()}`,
      });
  });
  // The urgent one comes last and still goes first.
  await notifications.notify(db.manager, {
    userIds: [adviser.user.id],
    type: 'review.overdue',
    caseId: c.id,
    payload: { reference: c.reference },
    dedupeKey: `flood:${randomUUID()}`,
  });
  expect((await emailJob.run()).sent).toBe(3);
  expect((await emailJob.run()).sent).toBe(0);
  const mails = smtp.to(adviser.user.email);
  expect(mails).toHaveLength(3);
  expect(mails[0]?.subject).toMatch(/review on .* is overdue/);
  const { rows } = await testPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND emailed_at IS NULL',
    [adviser.user.id],
  );
  // The rest wait for the next hour; nothing is lost.
  expect(rows[0]?.n).toBe(4);
});
