import { randomUUID } from 'node:crypto';
import { sessionFor, signIn, startTestApi, type Session, type TestApi } from '../support/api.js';
import { ALL_FACTS, openCase, supplyFacts } from '../support/cases.js';
import { buildOrganisation, buildUser, closeTestPool, testPool } from '../support/factories.js';
import { auditEntries, detailFields, expectError } from '../support/http.js';
import { decideOn, proposeMove, type EscalationBody } from '../support/workflow-helpers.js';

// Issue 15, item 1: nobody changes their own roles, clearance or organisation; granting the
// adviser or admin role or a higher clearance needs a second administrator; display names are
// unique per organisation.

interface ChangeBody {
  id: string;
  user: { id: string; displayName: string; email: string };
  requestedBy: { id: string; displayName: string; email: string };
  addRoles: string[];
  clearance: string | null;
  previousClearance: string;
  status: string;
  decidedBy: { id: string } | null;
  canDecide: boolean;
  cannotDecideReason: string | null;
}

interface UserChangeBody {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  clearance: string;
  pendingChange: ChangeBody | null;
}

const OWN_REQUEST = 'You requested this change: another administrator must confirm it.';

let api: TestApi;
let admin: Session;
let admin2: Session;
let facts: ReturnType<typeof supplyFacts>;

beforeAll(async () => {
  api = await startTestApi();
  facts = supplyFacts(api);
  [admin, admin2] = await Promise.all([
    sessionFor(api, { roles: ['admin'] }),
    sessionFor(api, { roles: ['admin'] }),
  ]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();
const tag = () => randomUUID().slice(0, 8);
const PASSWORD = 'quiet harbour lantern 42';

function createUser(as: Session, body: Record<string, unknown>) {
  return http()
    .post('/api/users')
    .set(as.auth())
    .send({
      email: `sod-${tag()}@vigil.test`,
      displayName: `Person ${tag()}`,
      password: PASSWORD,
      roles: ['analyst'],
      clearance: 'unclassified',
      organisationId: as.user.organisationId,
      ...body,
    });
}

function decide(as: Session, id: string, decision: 'confirm' | 'reject') {
  return http().post(`/api/account-changes/${id}/${decision}`).set(as.auth()).send();
}

async function pending(as: Session): Promise<ChangeBody[]> {
  const res = await http()
    .get('/api/account-changes')
    .query({ status: 'pending', limit: '100' })
    .set(as.auth());
  expect(res.status).toBe(200);
  return (res.body as { items: ChangeBody[] }).items;
}

describe('nobody changes their own roles, clearance or organisation', () => {
  it('an administrator granting themselves adviser and strictly confidential gets 403 and reads nothing more', async () => {
    const analyst = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const secret = await openCase(api, analyst, { classification: 'strictly_confidential' });
    const self = await sessionFor(api, { roles: ['admin'] });

    const res = await http()
      .patch(`/api/users/${self.user.id}`)
      .set(self.auth())
      .send({ roles: ['admin', 'adviser'], clearance: 'strictly_confidential' });
    expectError(res, 403, /^You cannot change your own roles, clearance or organisation/);
    for (const body of [
      { clearance: 'unclassified' },
      { roles: ['admin', 'analyst'] },
      { organisationId: (await buildOrganisation()).id },
    ]) {
      expectError(
        await http().patch(`/api/users/${self.user.id}`).set(self.auth()).send(body),
        403,
      );
    }

    const me = await http().get('/api/auth/me').set(self.auth());
    expect((me.body as { user: UserChangeBody }).user).toMatchObject({
      roles: ['admin'],
      clearance: self.user.clearance,
    });
    expect((await http().get(`/api/cases/${secret.id}`).set(self.auth())).status).toBe(404);
    expect(
      await auditEntries(api, admin, { entityId: self.user.id, action: 'user.update' }),
    ).toEqual([]);
    expect(await pending(admin)).not.toContainEqual(
      expect.objectContaining({ user: expect.objectContaining({ id: self.user.id }) }),
    );
  });

  it('nor can one administrator grant it and the same one confirm it for the other', async () => {
    const a = await sessionFor(api, { roles: ['admin'] });
    const b = await sessionFor(api, { roles: ['admin'] });
    const asked = await http()
      .patch(`/api/users/${b.user.id}`)
      .set(a.auth())
      .send({ roles: ['admin', 'adviser'] });
    expect(asked.status).toBe(200);
    const change = (asked.body as UserChangeBody).pendingChange;
    if (!change) throw new Error('no pending change');
    // The requester cannot confirm, nor can the person it is for.
    expectError(await decide(a, change.id, 'confirm'), 403, new RegExp(`^${OWN_REQUEST}$`));
    expectError(await decide(b, change.id, 'confirm'), 403, /your own account/);
    expectError(await decide(b, change.id, 'reject'), 403, /your own account/);
    const seenByB = (await pending(b)).find((c) => c.id === change.id);
    expect(seenByB).toMatchObject({
      canDecide: false,
      cannotDecideReason:
        'This change is to your own account: another administrator must confirm it.',
    });
    expect((await decide(admin2, change.id, 'reject')).status).toBe(200);
  });
});

describe('granting adviser, admin or a higher clearance needs a second administrator', () => {
  it('an account created as adviser holds nothing privileged, cannot approve, and can once another administrator confirms', async () => {
    const analyst = await sessionFor(api, {
      roles: ['analyst'],
      clearance: 'strictly_confidential',
    });
    const c = await openCase(api, analyst);
    facts.set(c.id, ALL_FACTS);
    const proposal = (await proposeMove(http, analyst, c.id, 'alert')).body as EscalationBody;

    const name = `Adviser ${tag()}`;
    const created = await createUser(admin, {
      displayName: name,
      roles: ['adviser'],
      clearance: 'strictly_confidential',
    });
    expect(created.status).toBe(201);
    const body = created.body as UserChangeBody;
    expect(body).toMatchObject({
      roles: [],
      clearance: 'unclassified',
      pendingChange: {
        user: { id: body.id, displayName: name, email: body.email },
        requestedBy: { id: admin.user.id, email: admin.user.email },
        addRoles: ['adviser'],
        clearance: 'strictly_confidential',
        previousClearance: 'unclassified',
        status: 'pending',
        canDecide: false,
        cannotDecideReason: OWN_REQUEST,
      },
    });
    const changeId = body.pendingChange?.id ?? '';

    // Signed in, the new account is no adviser yet: it approves nothing (the proposal is not even
    // visible to it).
    const newcomer = await signIn(api, {
      id: body.id,
      email: body.email,
      displayName: name,
      roles: [],
      clearance: 'unclassified',
      organisationId: admin.user.organisationId,
      password: PASSWORD,
    });
    expect((await decideOn(http, newcomer, proposal.id, 'approve')).status).toBe(404);

    // The inbox: the requester sees why they may not decide; another administrator may.
    expect((await pending(admin)).find((x) => x.id === changeId)).toMatchObject({
      canDecide: false,
      cannotDecideReason: OWN_REQUEST,
    });
    expect((await pending(admin2)).find((x) => x.id === changeId)).toMatchObject({
      canDecide: true,
      cannotDecideReason: null,
    });
    expectError(await decide(admin, changeId, 'confirm'), 403, new RegExp(`^${OWN_REQUEST}$`));
    const outboxBefore = await accessNotices(body.id);
    const confirmed = await decide(admin2, changeId, 'confirm');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      decidedBy: { id: admin2.user.id },
      canDecide: false,
    });
    // Open sockets follow: an access notice went out with the change.
    expect(await accessNotices(body.id)).toBe(outboxBefore + 1);
    expectError(
      await decide(admin2, changeId, 'confirm'),
      409,
      /no longer pending: it was confirmed/,
    );

    // Same session, now an adviser cleared for strictly confidential: the approval goes through.
    const approved = await decideOn(http, newcomer, proposal.id, 'approve');
    expect(approved.status).toBe(200);
    expect((approved.body as EscalationBody).status).toBe('approved');

    const [requested] = await auditEntries(api, admin2, {
      action: 'user.grant_requested',
      entityId: body.id,
    });
    expect(requested).toMatchObject({
      actorId: admin.user.id,
      diff: {
        changeId,
        addRoles: ['adviser'],
        clearance: { from: 'unclassified', to: 'strictly_confidential' },
      },
    });
    const [decided] = await auditEntries(api, admin2, {
      action: 'user.grant_confirmed',
      entityId: body.id,
    });
    expect(decided).toMatchObject({ actorId: admin2.user.id, diff: { changeId } });
  });

  it('the unprivileged part applies at once; a rejected grant never applies; one pending change per account', async () => {
    const target = await buildUser({
      roles: ['analyst'],
      clearance: 'confidential',
      organisationId: admin.user.organisationId,
    });
    const res = await http()
      .patch(`/api/users/${target.id}`)
      .set(admin.auth())
      .send({ roles: ['framework_team', 'admin'], clearance: 'strictly_confidential' });
    expect(res.status).toBe(200);
    const body = res.body as UserChangeBody;
    expect(body).toMatchObject({
      roles: ['framework_team'],
      clearance: 'confidential',
      pendingChange: { addRoles: ['admin'], clearance: 'strictly_confidential' },
    });
    const changeId = body.pendingChange?.id ?? '';

    // A second grant for the same account waits for the first to be settled; nothing applies.
    const again = await http()
      .patch(`/api/users/${target.id}`)
      .set(admin2.auth())
      .send({ roles: ['framework_team', 'adviser'], displayName: `Renamed ${tag()}` });
    expectError(again, 409, /already waiting for another administrator/);
    // A change without a grant still goes through (lowering the clearance needs no one).
    const lowered = await http()
      .patch(`/api/users/${target.id}`)
      .set(admin2.auth())
      .send({ clearance: 'unclassified' });
    expect(lowered.body).toMatchObject({
      clearance: 'unclassified',
      pendingChange: { id: changeId },
    });

    const rejected = await decide(admin2, changeId, 'reject');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: { id: admin2.user.id } });
    expectError(await decide(admin2, changeId, 'confirm'), 409, /it was rejected/);
    const { rows } = await testPool().query<{ roles: string[]; clearance: string }>(
      'SELECT roles, clearance FROM users WHERE id = $1',
      [target.id],
    );
    expect(rows[0]).toEqual({ roles: ['framework_team'], clearance: 'unclassified' });
    const rejectedList = await http()
      .get('/api/account-changes')
      .query({ status: 'rejected' })
      .set(admin.auth());
    expect((rejectedList.body as { items: ChangeBody[] }).items.map((c) => c.id)).toContain(
      changeId,
    );
  });

  it('only administrators reach the account changes (403), an unknown id is 404, a malformed id or a bad status 400', async () => {
    const adviser = await sessionFor(api, { roles: ['adviser'] });
    expectError(await http().get('/api/account-changes').set(adviser.auth()), 403);
    expectError(await decide(adviser, randomUUID(), 'confirm'), 403);
    expectError(await decide(admin, randomUUID(), 'confirm'), 404);
    expectError(await decide(admin, 'not-a-uuid', 'reject'), 400, /in the address must be a UUID/);
    expectError(
      await http().get('/api/account-changes').query({ status: 'maybe' }).set(admin.auth()),
      400,
    );
  });
});

describe('display names are unique per organisation', () => {
  it('refuses a second account with an existing name in the organisation, whatever its case or spacing (409 on displayName)', async () => {
    const org = await buildOrganisation({ kind: 'office' });
    const existing = await buildUser({
      roles: ['adviser'],
      displayName: `Lena Okafor ${tag()}`,
      organisationId: org.id,
    });
    for (const displayName of [
      existing.displayName,
      existing.displayName.toUpperCase(),
      existing.displayName.replace(' ', '   '),
    ]) {
      const res = await createUser(admin, { displayName, organisationId: org.id });
      const body = expectError(res, 409, /already has this display name/);
      expect(detailFields(body)).toEqual(['displayName']);
    }
    // Another organisation may have its own person of that name.
    expect(
      (
        await createUser(admin, {
          displayName: existing.displayName,
          organisationId: admin.user.organisationId,
        })
      ).status,
    ).toBe(201);

    // Renaming onto it, or moving someone of that name into the organisation, is refused alike.
    const other = await buildUser({ organisationId: org.id });
    const rename = await http()
      .patch(`/api/users/${other.id}`)
      .set(admin.auth())
      .send({ displayName: existing.displayName.toLowerCase() });
    expect(detailFields(expectError(rename, 409))).toEqual(['displayName']);
    const elsewhere = await buildUser({ displayName: existing.displayName });
    const move = await http()
      .patch(`/api/users/${elsewhere.id}`)
      .set(admin.auth())
      .send({ organisationId: org.id });
    expect(detailFields(expectError(move, 409))).toEqual(['displayName']);
    // One's own name in another case is no clash.
    expect(
      (
        await http()
          .patch(`/api/users/${existing.id}`)
          .set(admin.auth())
          .send({ displayName: existing.displayName.toUpperCase() })
      ).status,
    ).toBe(200);
  });

  it('the database refuses a duplicate that skipped the check', async () => {
    const org = await buildOrganisation();
    const first = await buildUser({ organisationId: org.id });
    await expect(
      buildUser({ organisationId: org.id, displayName: first.displayName.toUpperCase() }),
    ).rejects.toThrow(/users_display_name_org_key/);
  });
});

/** Access notices written to the outbox for one person (open sockets re-check on each). */
async function accessNotices(userId: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox_events WHERE topic = 'access' AND user_id = $1`,
    [userId],
  );
  return rows[0]?.n ?? 0;
}
