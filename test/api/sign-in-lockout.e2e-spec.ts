import { Test, type TestingModule } from '@nestjs/testing';
import { CoreModule, JobsModule, NotificationEmailJob } from '@vigil/server';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, testPool, type BuiltUser } from '../support/factories.js';
import { auditEntries, expectError } from '../support/http.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { testConfig } from '../support/test-config.js';

// Issue 15, item 8: nobody can lock someone else out from one address; a hard lock needs
// failures from many addresses, tells the owner by e-mail, and an administrator can lift it.
// A database of this file's own: the e-mail job sends every unsent notification it finds.

const WRONG = /^E-mail or password is wrong\.$/;
const LOCKED = /^This account is locked after too many failed sign-ins from many addresses\./;

let own: OwnDatabase;
let smtp: TestSmtp;
let api: TestApi;
let jobs: TestingModule;
let admin: Session;

beforeAll(async () => {
  own = await ownDatabase();
  smtp = await startTestSmtp();
  // Behind a proxy, so each request says which address it comes from.
  const settings = { TRUST_PROXY: 'true', LOGIN_LOCK_ADDRESSES: '3', LOGIN_LOCK_FAILURES: '6' };
  api = await startTestApi(settings);
  jobs = await Test.createTestingModule({
    imports: [CoreModule.forRoot(testConfig({ ...settings, SMTP_URL: smtp.url })), JobsModule],
  }).compile();
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  await jobs.close();
  await api.close();
  await smtp.close();
  await own.drop();
});

function loginFrom(address: string, email: string, password: string) {
  return api
    .http()
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ email, password });
}

async function lockedUntil(user: BuiltUser): Promise<string | null> {
  const res = await api.http().get(`/api/users/${user.id}`).set(admin.auth());
  return (res.body as { lockedUntil: string | null }).lockedUntil;
}

describe('one address cannot lock anyone out', () => {
  it('thirty wrong passwords from an attacker’s address: it is slowed down, and the owner signs in from theirs', async () => {
    const owner = await buildUser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30; attempt += 1) {
      statuses.push((await loginFrom('203.0.113.7', owner.email, `guess ${attempt}`)).status);
    }
    // Five guesses were checked; every other attempt had to wait.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);

    const signedIn = await loginFrom('198.51.100.23', owner.email, owner.password);
    expect(signedIn.status).toBe(200);
    expect(await lockedUntil(owner)).toBeNull();
    // The attacker's address still waits: the owner's success cleared only the owner's address.
    expectError(await loginFrom('203.0.113.7', owner.email, owner.password), 429);
  });

  it('the addresses of one IPv6 /64 are one address', async () => {
    const owner = await buildUser();
    for (let host = 1; host <= 5; host += 1) {
      expectError(await loginFrom(`2001:db8:7:7::${host}`, owner.email, 'guess'), 401, WRONG);
    }
    expectError(await loginFrom('2001:db8:7:7:ffff::6', owner.email, 'guess'), 429);
    expect((await loginFrom('2001:db8:7:8::1', owner.email, owner.password)).status).toBe(200);
  });
});

describe('a hard lock', () => {
  it('needs failures from several addresses, tells the owner by e-mail whatever their setting, and an administrator lifts it', async () => {
    const owner = await buildUser();
    await testPool().query(`UPDATE users SET email_notifications = 'off' WHERE id = $1`, [
      owner.id,
    ]);
    // Two addresses, two failures each: slowed perhaps, never locked.
    for (const address of ['192.0.2.1', '192.0.2.2']) {
      for (let i = 0; i < 2; i += 1)
        expectError(await loginFrom(address, owner.email, 'guess'), 401, WRONG);
    }
    expect(await lockedUntil(owner)).toBeNull();
    // A third address: the sixth failure from the third address locks the account.
    expectError(await loginFrom('192.0.2.3', owner.email, 'guess'), 401, WRONG);
    const locking = expectError(await loginFrom('192.0.2.3', owner.email, 'guess'), 401, LOCKED);
    const until = await lockedUntil(owner);
    expect(until).not.toBeNull();
    expect(locking.details).toEqual({ lockedUntil: until });
    const ahead = new Date(until ?? 0).getTime() - Date.now();
    expect(ahead).toBeGreaterThan(59 * 60_000);
    expect(ahead).toBeLessThanOrEqual(60 * 60_000 + 5000);

    // While locked, even the right password from a new address is refused.
    expectError(await loginFrom('192.0.2.200', owner.email, owner.password), 401, LOCKED);

    const [lock, ...more] = await auditEntries(api, admin, {
      action: 'auth.account_locked',
      entityId: owner.id,
    });
    expect(more).toEqual([]);
    expect(lock?.diff).toEqual({ until, addresses: 3, failures: 6 });

    // The owner is told, in the app and by e-mail, although they turned e-mail off.
    const { rows: notes } = await testPool().query<{ type: string }>(
      'SELECT type FROM notifications WHERE user_id = $1',
      [owner.id],
    );
    expect(notes.map((n) => n.type)).toEqual(['account.locked']);
    await jobs.get(NotificationEmailJob).run();
    const mails = smtp.to(owner.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/account was locked after many failed sign-ins/);
    expect(mails[0]?.body).not.toContain(owner.password);

    // An administrator lifts the lock; the owner signs in; the count starts afresh.
    const lifted = await api
      .http()
      .patch(`/api/users/${owner.id}`)
      .set(admin.auth())
      .send({ unlock: true });
    expect(lifted.status).toBe(200);
    expect((lifted.body as { lockedUntil: string | null }).lockedUntil).toBeNull();
    const [unlock] = await auditEntries(api, admin, {
      action: 'user.update',
      entityId: owner.id,
    });
    expect(unlock?.diff).toEqual({ unlocked: true });
    expectError(await loginFrom('192.0.2.4', owner.email, 'guess'), 401, WRONG);
    expect((await loginFrom('192.0.2.5', owner.email, owner.password)).status).toBe(200);
  });

  it('runs out by itself', async () => {
    const owner = await buildUser();
    await testPool().query(
      `UPDATE users SET locked_until = now() + interval '10 minutes' WHERE id = $1`,
      [owner.id],
    );
    expectError(await loginFrom('192.0.2.9', owner.email, owner.password), 401, LOCKED);
    await testPool().query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [owner.id],
    );
    expect((await loginFrom('192.0.2.9', owner.email, owner.password)).status).toBe(200);
  });
});
