import { Test, type TestingModule } from '@nestjs/testing';
import {
  CoreModule,
  JobsModule,
  NotificationDigestJob,
  NotificationEmailJob,
  SCHEDULED_JOBS,
  type ScheduledJob,
} from '@vigil/server';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { testPool } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { testConfig } from '../support/test-config.js';

// A database of this file's own: every proposal notifies every cleared adviser there is and the
// e-mail job sends to all of them, which in the run's shared database (the other suites' advisers
// too) took 89 s under full-suite load against 6 s alone.
const PUBLIC_URL = 'https://vigil.example.org';
const JUSTIFICATION = 'Militia lists of Masalit households seen at the checkpoint.';

let own: OwnDatabase;
let api: TestApi;
let smtp: TestSmtp;
let jobs: TestingModule;
let emailJob: NotificationEmailJob;
let digestJob: NotificationDigestJob;
let facts: ReturnType<typeof supplyFacts>;
let lead: Session;
let admin: Session;

beforeAll(async () => {
  own = await ownDatabase();
  smtp = await startTestSmtp();
  api = await startTestApi();
  facts = supplyFacts(api);
  jobs = await workerJobs({ SMTP_URL: smtp.url, PUBLIC_URL: `${PUBLIC_URL}/` });
  emailJob = jobs.get(NotificationEmailJob);
  digestJob = jobs.get(NotificationDigestJob);
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  await jobs.close();
  await api.close();
  await smtp.close();
  await own.drop();
});

const http = () => api.http();

/**
 * The worker's jobs module with this configuration, compiled but not started: pg-boss's own
 * schedule stays out of the test, which runs the jobs itself.
 */
function workerJobs(config: Record<string, string>): Promise<TestingModule> {
  return Test.createTestingModule({
    imports: [CoreModule.forRoot(testConfig(config)), JobsModule],
  }).compile();
}

/** An adviser with this e-mail preference, set through their own route. */
async function adviserWanting(pref: 'off' | 'immediate' | 'daily_digest'): Promise<Session> {
  const s = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  const res = await http()
    .patch('/api/auth/me/preferences')
    .set(s.auth())
    .send({ emailNotifications: pref });
  expect(res.status).toBe(200);
  return s;
}

/** Opens a case and proposes a move on it: every cleared adviser gets a notification. */
async function proposal(toStage = 'alert') {
  const c = await openCase(api, lead, { classification: 'strictly_confidential' });
  facts.set(c.id, ALL_FACTS);
  const res = await http()
    .post(`/api/cases/${c.id}/escalations`)
    .set(lead.auth())
    .send({ toStage, justification: JUSTIFICATION });
  expect(res.status).toBe(201);
  return c;
}

/** Runs the e-mail job until nothing is left to send (one run sends a capped batch). */
async function sendAll(): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    const run = await emailJob.run();
    expect(run).toMatchObject({ enabled: true, failed: 0 });
    if (run.sent === 0) return;
  }
  throw new Error('the e-mail job kept finding more to send');
}

// What an earlier test left unsent is not the next one's to send.
beforeEach(async () => {
  await testPool().query('UPDATE notifications SET emailed_at = now() WHERE emailed_at IS NULL');
});

async function unemailed(userId: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND emailed_at IS NULL',
    [userId],
  );
  return rows[0]?.n ?? -1;
}

describe('notification e-mail through a real SMTP server', () => {
  it('the worker schedules both jobs: every minute, and daily at 07:00 UTC', () => {
    const scheduled = jobs.get<ScheduledJob[]>(SCHEDULED_JOBS);
    expect(scheduled.map((j) => [j.name, j.cron])).toEqual(
      expect.arrayContaining([
        ['notification-email', '* * * * *'],
        ['notification-digest', '0 7 * * *'],
      ]),
    );
  });

  it("'immediate' gets one e-mail per notification with the reference and a link, no case content; a second run sends nothing", async () => {
    const reader = await adviserWanting('immediate');
    const first = await proposal();
    const second = await proposal();
    expect(await unemailed(reader.user.id)).toBe(2);

    await sendAll();
    const mails = smtp.to(reader.user.email);
    // Oldest first: one message per notification.
    expect(mails.map((m) => m.subject)).toEqual([
      `[Vigil] A proposal on ${first.reference} awaits your approval`,
      `[Vigil] A proposal on ${second.reference} awaits your approval`,
    ]);
    for (const [i, c] of [first, second].entries()) {
      const mail = mails[i];
      if (!mail) throw new Error('missing e-mail');
      expect(mail.body).toContain(`${PUBLIC_URL}/cases/${c.id}`);
      expect(mail.body).toMatch(/Content-Type: text\/plain/i);
      expect(mail.body).toMatch(/Content-Type: text\/html/i);
      expect(mail.body).not.toContain('Masalit');
      expect(mail.body).not.toContain('Situation under watch');
      expect(mail.body).not.toContain(lead.user.displayName);
    }
    expect(await unemailed(reader.user.id)).toBe(0);

    await sendAll();
    expect(smtp.to(reader.user.email)).toHaveLength(2);
  });

  it("'off' gets nothing, and its notifications are marked so they never go out later", async () => {
    const quiet = await adviserWanting('off');
    await proposal();
    expect(await unemailed(quiet.user.id)).toBe(1);
    await sendAll();
    await digestJob.run();
    expect(smtp.to(quiet.user.email)).toEqual([]);
    expect(await unemailed(quiet.user.id)).toBe(0);
  });

  it("'daily_digest' gets nothing at once, then one digest listing all, then nothing more", async () => {
    const reader = await adviserWanting('daily_digest');
    const cases = [await proposal(), await proposal('closed'), await proposal()];
    await sendAll();
    expect(smtp.to(reader.user.email)).toEqual([]);
    expect(await unemailed(reader.user.id)).toBe(3);

    const run = await digestJob.run();
    expect(run).toMatchObject({ enabled: true, failed: 0 });
    const mails = smtp.to(reader.user.email);
    expect(mails).toHaveLength(1);
    const digest = mails[0];
    expect(digest?.subject).toBe('[Vigil] Daily digest: 3 notifications');
    for (const c of cases) {
      expect(digest?.body).toContain(`A proposal on ${c.reference} awaits your approval`);
      expect(digest?.body).toContain(`${PUBLIC_URL}/cases/${c.id}`);
    }
    expect(digest?.body).not.toContain('Masalit');
    expect(await unemailed(reader.user.id)).toBe(0);

    await digestJob.run();
    await sendAll();
    expect(smtp.to(reader.user.email)).toHaveLength(1);
  });

  it('notifications older than a week are marked without being sent', async () => {
    const reader = await adviserWanting('immediate');
    const c = await proposal();
    await testPool().query(
      `UPDATE notifications SET created_at = now() - interval '8 days' WHERE user_id = $1 AND case_id = $2`,
      [reader.user.id, c.id],
    );
    await sendAll();
    expect(smtp.to(reader.user.email)).toEqual([]);
    expect(await unemailed(reader.user.id)).toBe(0);
  });

  it('a send the server refuses is rolled back and sent on a later run', async () => {
    const reader = await adviserWanting('immediate');
    const c = await proposal();
    // Nothing listens on port 1: the connection is refused at once.
    const down = await workerJobs({ SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const failed = await down.get(NotificationEmailJob).run();
      expect(failed.failed).toBeGreaterThanOrEqual(1);
    } finally {
      await down.close();
    }
    expect(await unemailed(reader.user.id)).toBe(1);
    await sendAll();
    expect(smtp.to(reader.user.email).map((m) => m.subject)).toEqual([
      `[Vigil] A proposal on ${c.reference} awaits your approval`,
    ]);
  });
});

describe('without SMTP_URL', () => {
  it('the jobs send nothing, fail nothing and leave notifications for later', async () => {
    const reader = await adviserWanting('immediate');
    await proposal();
    const bare = await workerJobs({});
    try {
      expect(await bare.get(NotificationEmailJob).run()).toEqual({
        enabled: false,
        sent: 0,
        retired: 0,
        failed: 0,
      });
      expect(await bare.get(NotificationDigestJob).run()).toMatchObject({ enabled: false });
    } finally {
      await bare.close();
    }
    expect(await unemailed(reader.user.id)).toBe(1);
  });
});

describe('PATCH /api/auth/me/preferences', () => {
  it('GET /auth/me shows the preference (immediate by default); PATCH changes it, audited', async () => {
    const s = await sessionFor(api, { roles: ['analyst'] });
    const me = await http().get('/api/auth/me').set(s.auth());
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ emailNotifications: 'immediate' });

    const res = await http()
      .patch('/api/auth/me/preferences')
      .set(s.auth())
      .send({ emailNotifications: 'daily_digest' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ emailNotifications: 'daily_digest' });
    const after = await http().get('/api/auth/me').set(s.auth());
    expect(after.body).toMatchObject({ emailNotifications: 'daily_digest' });
    const audit = await auditEntries(api, admin, {
      action: 'user.preferences',
      entityId: s.user.id,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.diff).toEqual({
      emailNotifications: { from: 'immediate', to: 'daily_digest' },
    });
  });

  it('a bad value, an unknown field or no body → 400; signed out → 401', async () => {
    const s = await sessionFor(api, { roles: ['analyst'] });
    const patch = (body: object) =>
      http().patch('/api/auth/me/preferences').set(s.auth()).send(body);
    expectError(await patch({ emailNotifications: 'hourly' }), 400);
    expectError(await patch({ emailNotifications: 'off', admin: true }), 400);
    expectError(await patch({}), 400);
    expectError(
      await http().patch('/api/auth/me/preferences').send({ emailNotifications: 'off' }),
      401,
    );
    const me = await http().get('/api/auth/me').set(s.auth());
    expect(me.body).toMatchObject({ emailNotifications: 'immediate' });
  });
});
