import { DocumentProvider, type RealtimeSocket } from '@vigil/client';
import { PgBoss } from 'pg-boss';
import request from 'supertest';
import { signIn, type HttpApi, type Session } from '../support/api.js';
import { ALL_FACTORS, finalisedAssessment, rateAll } from '../support/assessments.js';
import { editCaseSummary, openCase } from '../support/cases.js';
import { comment } from '../support/comments.js';
import { createDocument, editorText, fragmentText, storedText } from '../support/documents.js';
import { buildUser, testPool } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import {
  newCluster,
  processEnv,
  startApiProcess,
  startWorkerProcess,
  type VigilProcess,
} from '../support/processes.js';
import { connectAs, eventually, joinCase, record } from '../support/realtime.js';
import { startTestSmtp } from '../support/smtp.js';
import { decideOn, proposeMove, tally } from '../support/workflow-helpers.js';

// Two api processes and a worker on one database, as deployed behind a load balancer: what a
// person does through one instance reaches the people connected to the other, documents edited
// on both converge, and a decision sent to both at once applies once. Over PostgreSQL always,
// and over Redis too when REDIS_URL is set.

const SOCKETS_PER_USER_MAX = 3;
const transports: [string, Record<string, string>][] = [['PostgreSQL', {}]];
if (process.env.REDIS_URL) transports.push(['Redis', { REDIS_URL: process.env.REDIS_URL }]);
else console.warn('SKIPPED scale-out over Redis: REDIS_URL not set (runs over PostgreSQL only).');

let db: OwnDatabase;
beforeAll(async () => {
  db = await ownDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe.each(transports)('two api instances fanning out over %s', (_name, transport) => {
  let a: VigilProcess;
  let b: VigilProcess;
  let worker: VigilProcess;
  const sockets: RealtimeSocket[] = [];
  const providers: DocumentProvider[] = [];
  const viaA: HttpApi = { http: () => request(a.url) };
  const viaB: HttpApi = { http: () => request(b.url) };
  let lead: Session;
  let member: Session;
  let adviser: Session;
  let adviser2: Session;

  beforeAll(async () => {
    const env = processEnv({
      SOCKET_CLUSTER: newCluster(),
      SOCKETS_PER_USER_MAX: String(SOCKETS_PER_USER_MAX),
      ...transport,
    });
    [a, b, worker] = await Promise.all([
      startApiProcess(env),
      startApiProcess(env),
      startWorkerProcess(env),
    ]);
    const person = async (roles: ('analyst' | 'adviser')[]) =>
      signIn(viaA, await buildUser({ roles, clearance: 'strictly_confidential' }));
    [lead, member, adviser, adviser2] = await Promise.all([
      person(['analyst']),
      person(['analyst']),
      person(['adviser']),
      person(['adviser']),
    ]);
  }, 180_000);

  afterEach(() => {
    for (const p of providers.splice(0)) p.destroy();
    for (const s of sockets.splice(0)) s.close();
  });

  afterAll(async () => {
    await Promise.all([a, b, worker].map((p) => p?.stop()));
  });

  async function connect(on: VigilProcess, session: Session): Promise<RealtimeSocket> {
    const socket = await connectAs(on, session.accessToken);
    sockets.push(socket);
    return socket;
  }

  async function caseWorkedByBoth(): Promise<string> {
    const c = await openCase(viaB, lead, { title: 'Situation seen from two instances' });
    const res = await viaB
      .http()
      .post(`/api/cases/${c.id}/members`)
      .set(lead.auth())
      .send({ userId: member.user.id, role: 'analyst' });
    expect(res.status).toBe(201);
    return c.id;
  }

  it('a client on A sees the case events, presence and comments made through B', async () => {
    const caseId = await caseWorkedByBoth();
    const onA = await connect(a, lead);
    const events = record(onA, 'case:event');
    const presence = record(onA, 'presence');
    expect(await joinCase(onA, caseId)).toMatchObject({ ok: true });

    const onB = await connect(b, member);
    expect(await joinCase(onB, caseId)).toMatchObject({ ok: true });
    const both = [lead.user.displayName, member.user.displayName].sort();
    await eventually(
      () => presence.some((p) => p.users.map((u) => u.displayName).join() === both.join()),
      'presence of the member connected to B, seen on A',
    );

    await editCaseSummary(viaB, member, caseId, 'Edited through instance B.');
    const note = await comment(viaB, member, caseId, {
      thread: 'internal',
      body: 'Posted through B.',
    });
    await eventually(
      () =>
        events.some((e) => e.type === 'case.updated') &&
        events.some((e) => e.type === 'comment.created' && e.payload['commentId'] === note.id),
      'the edit and the comment made through B',
    );

    onB.close();
    await eventually(
      () =>
        presence
          .at(-1)
          ?.users.map((u) => u.displayName)
          .join() === lead.user.displayName,
      'the member leaving B, seen on A',
    );
  });

  it('two editors on different instances converge, and a late joiner on either sees the text', async () => {
    const caseId = await caseWorkedByBoth();
    const document = await createDocument(viaA, lead, caseId);
    const onA = new DocumentProvider(await connect(a, lead), document.id);
    const onB = new DocumentProvider(await connect(b, member), document.id);
    providers.push(onA, onB);
    await Promise.all([onA.whenSynced(), onB.whenSynced()]);

    for (let i = 0; i < 20; i += 1) {
      editorText(onA.doc).insert(0, 'a');
      editorText(onB.doc).insert(editorText(onB.doc).length, 'b');
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all([onA.whenSaved(), onB.whenSaved()]);
    const text = (p: DocumentProvider) => fragmentText(p.doc);
    await eventually(() => text(onA) === text(onB), 'both editors holding the same text', 10_000);
    expect(text(onA)).toHaveLength(40);
    expect(text(onA).replaceAll('b', '')).toBe('a'.repeat(20));
    expect(await storedText(document.id)).toBe(text(onA));

    // Each instance's own copy is current too: a newcomer on either gets the whole text.
    for (const [on, who] of [
      [a, adviser],
      [b, adviser2],
    ] as const) {
      const late = new DocumentProvider(await connect(on, who), document.id);
      providers.push(late);
      await late.whenSynced();
      expect(text(late)).toBe(text(onA));
    }
  });

  it('an escalation approved through A and through B at the same moment applies once', async () => {
    const caseId = await caseWorkedByBoth();
    await finalisedAssessment(viaA, lead, adviser, caseId, {
      ratings: rateAll(ALL_FACTORS, 2),
      overallLevel: 'moderate',
    });
    const proposed = await proposeMove(viaA.http, lead, caseId, 'alert');
    expect(proposed.status).toBe(201);
    const id = (proposed.body as { id: string }).id;
    const answers = await Promise.all([
      decideOn(viaA.http, adviser, id, 'approve'),
      decideOn(viaB.http, adviser2, id, 'approve'),
    ]);
    expect(tally(answers)).toEqual({ 200: 1, 409: 1 });
    const { rows } = await testPool().query<{ stage: string; moves: number }>(
      `SELECT c.stage, (SELECT count(*)::int FROM case_events e
          WHERE e.case_id = c.id AND e.type = 'case.transitioned') AS moves
        FROM cases c WHERE c.id = $1`,
      [caseId],
    );
    expect(rows[0]).toEqual({ stage: 'alert', moves: 1 });
  });

  it(`one person holds at most ${SOCKETS_PER_USER_MAX} sockets, counted on both instances`, async () => {
    const first = await connect(a, adviser);
    await connect(b, adviser);
    await connect(a, adviser);
    await expect(connectAs(b, adviser.accessToken)).rejects.toThrow(
      /Too many open connections \(3\)/,
    );
    await expect(connect(b, adviser2)).resolves.toBeDefined(); // someone else is not affected
    first.close();
    // Once that one is gone (on A), a new one on B is admitted.
    await eventuallyAsync(() => connect(b, adviser), 'a socket after closing one');
  });
});

describe('two workers', () => {
  it('run each job once: every notification is e-mailed exactly once', async () => {
    const smtp = await startTestSmtp();
    const env = processEnv({ SOCKET_CLUSTER: newCluster(), SMTP_URL: smtp.url });
    const api = await startApiProcess(env);
    const via: HttpApi = { http: () => request(api.url) };
    const analyst = await signIn(via, await buildUser({ roles: ['analyst'] }));
    const advisers = await Promise.all(
      [1, 2, 3].map(async () => (await buildUser({ roles: ['adviser'] })).email.toLowerCase()),
    );
    // Each proposal notifies every adviser who may read the case.
    for (let i = 0; i < 4; i += 1) {
      const c = await openCase(via, analyst, { title: `Situation ${i} awaiting advice` });
      expect((await proposeMove(via.http, analyst, c.id, 'closed')).status).toBe(201);
    }
    const pending = async () =>
      (
        await testPool().query<{ email: string; n: number }>(
          `SELECT u.email, count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
            WHERE n.emailed_at IS NULL GROUP BY u.email`,
        )
      ).rows;
    const expected = new Map((await pending()).map((r) => [r.email.toLowerCase(), r.n]));
    for (const email of advisers) expect(expected.get(email)).toBe(4);

    const workers = await Promise.all([startWorkerProcess(env), startWorkerProcess(env)]);
    const boss = new PgBoss({
      connectionString: env['DATABASE_URL'],
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    boss.on('error', () => undefined); // the database is dropped after the test
    try {
      await boss.start();
      await eventuallyAsync(
        async () => {
          if (!(await boss.getQueue('notification-email'))) throw new Error('no queue yet');
        },
        'the workers to create their queues',
        60_000,
      );
      // Several runs at once, spread over both workers, as their schedules would on a busy minute.
      await Promise.all(Array.from({ length: 6 }, () => boss.send('notification-email')));
      await eventuallyAsync(
        async () => {
          if ((await pending()).length > 0) throw new Error('notifications still pending');
        },
        'every notification e-mailed',
        60_000,
      );
      await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive by now
      for (const [email, n] of expected)
        expect({ email, mails: smtp.to(email).length }).toEqual({ email, mails: n });
    } finally {
      await boss.stop({ graceful: false }).catch(() => undefined);
      await Promise.all([...workers, api].map((p) => p.stop()));
      await smtp.close();
    }
  }, 180_000);
});

/** Retries `attempt` until it resolves, for up to `ms`. */
async function eventuallyAsync<T>(attempt: () => Promise<T>, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
