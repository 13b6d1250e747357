import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { RealtimeSocket } from '@vigil/client';
import type { Classification, Role } from '@vigil/domain';
import { AccessTokenService, CaseRooms, RealtimeGateway } from '@vigil/server';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { documentAccess } from '../../libs/server/src/documents/document-access.js';
import { type Session, sessionFor, signIn } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { setPriority } from '../support/comments.js';
import { closeTestPool } from '../support/factories.js';
import { connectAs, type LiveApi, startLiveApi } from '../support/realtime.js';

// A property (issue 14, item 4): after any sequence of access changes and socket actions, and
// once each change has been heard (at most a few seconds), no open socket holds a case room or a
// document its person may not join now, and no socket of an ended session or a deactivated
// account is open. The oracle is the same check a join runs.

let api: LiveApi;
let lead: Session;
let chief: Session;
let admin: Session;

const LEVELS: Classification[] = ['unclassified', 'confidential', 'strictly_confidential'];
const ROLE_SETS: Role[][] = [['analyst'], ['adviser'], ['framework_team'], ['analyst', 'adviser']];
const PEOPLE = 3;
const CASES = 2;

type Action =
  | { kind: 'join'; person: number; case: number }
  | { kind: 'joinDoc'; person: number; case: number }
  | { kind: 'addMember'; person: number; case: number }
  | { kind: 'removeMember'; person: number; case: number }
  | { kind: 'reclassify'; case: number; level: number }
  | { kind: 'share'; case: number; shared: boolean }
  | { kind: 'clearance'; person: number; level: number }
  | { kind: 'roles'; person: number; roles: number }
  | { kind: 'active'; person: number; active: boolean }
  | { kind: 'signOut'; person: number };

const person = fc.integer({ min: 0, max: PEOPLE - 1 });
const kase = fc.integer({ min: 0, max: CASES - 1 });
const level = fc.integer({ min: 0, max: LEVELS.length - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), person, case: kase }),
  fc.record({ kind: fc.constant('joinDoc' as const), person, case: kase }),
  fc.record({ kind: fc.constant('addMember' as const), person, case: kase }),
  fc.record({ kind: fc.constant('removeMember' as const), person, case: kase }),
  fc.record({ kind: fc.constant('reclassify' as const), case: kase, level }),
  fc.record({ kind: fc.constant('share' as const), case: kase, shared: fc.boolean() }),
  fc.record({ kind: fc.constant('clearance' as const), person, level }),
  fc.record({
    kind: fc.constant('roles' as const),
    person,
    roles: fc.integer({ min: 0, max: ROLE_SETS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('active' as const), person, active: fc.boolean() }),
  fc.record({ kind: fc.constant('signOut' as const), person }),
);

beforeAll(async () => {
  api = await startLiveApi();
  lead = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
  chief = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
  admin = await sessionFor(api, { roles: ['admin'] });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

/** One run's world: people with one socket each, cases each with a document. */
interface World {
  people: { session: Session; socket: RealtimeSocket | null }[];
  cases: { id: string; documentId: string }[];
}

async function buildWorld(): Promise<World> {
  const people = await Promise.all(
    Array.from({ length: PEOPLE }, async () => {
      const session = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
      return { session, socket: await connectAs(api, session.accessToken) };
    }),
  );
  const cases = await Promise.all(
    Array.from({ length: CASES }, async () => {
      const c = await openCase(api, lead, { classification: 'confidential' });
      const doc = await api
        .http()
        .post(`/api/cases/${c.id}/documents`)
        .set(lead.auth())
        .send({ kind: 'advice_to_sg', title: 'Advice' });
      return { id: c.id, documentId: (doc.body as { id: string }).id };
    }),
  );
  return { people, cases };
}

async function perform(world: World, a: Action): Promise<void> {
  const http = () => api.http();
  const who = 'person' in a ? world.people[a.person] : undefined;
  const target = 'case' in a ? world.cases[a.case] : undefined;
  const emit = (event: 'case:join' | 'doc:join', payload: object) =>
    who?.socket?.connected
      ? who.socket.timeout(5000).emitWithAck(event as 'case:join', payload as { caseId: string })
      : Promise.resolve(null);
  switch (a.kind) {
    case 'join':
      await emit('case:join', { caseId: target?.id });
      return;
    case 'joinDoc':
      await emit('doc:join', { documentId: target?.documentId });
      return;
    case 'addMember':
      await http()
        .post(`/api/cases/${target?.id}/members`)
        .set(chief.auth())
        .send({ userId: who?.session.user.id, role: 'analyst' });
      return;
    case 'removeMember':
      await http()
        .delete(`/api/cases/${target?.id}/members/${who?.session.user.id}`)
        .set(chief.auth());
      return;
    case 'reclassify': {
      const current = await http().get(`/api/cases/${target?.id}`).set(chief.auth());
      await http()
        .patch(`/api/cases/${target?.id}`)
        .set(chief.auth())
        .send({
          version: (current.body as { version: number }).version,
          classification: LEVELS[a.level],
        });
      return;
    }
    case 'share':
      await setPriority(api, chief, target?.id ?? '', a.shared);
      return;
    case 'clearance':
    case 'roles':
    case 'active':
      await http()
        .patch(`/api/users/${who?.session.user.id}`)
        .set(admin.auth())
        .send(
          a.kind === 'clearance'
            ? { clearance: LEVELS[a.level] }
            : a.kind === 'roles'
              ? { roles: ROLE_SETS[a.roles] }
              : { active: a.active },
        );
      if (a.kind === 'active' && a.active && who && !who.socket?.connected) await reconnect(who);
      return;
    case 'signOut':
      if (!who) return;
      await http().post('/api/auth/logout').set(who.session.auth()).send();
      await waitForInvariant();
      await reconnect(who);
      return;
  }
}

/** Signs in again (a new session) and opens a new socket, if the account may. */
async function reconnect(who: World['people'][number]): Promise<void> {
  who.socket?.close();
  who.socket = null;
  try {
    who.session = await signIn(api, who.session.user);
    who.socket = await connectAs(api, who.session.accessToken);
  } catch {
    // Deactivated: no session, no socket.
  }
}

/** Every socket breaking the rule, in words (empty when none does). */
async function violations(): Promise<string[]> {
  const gateway = api.app.get(RealtimeGateway);
  const tokens = api.app.get(AccessTokenService);
  const rooms = api.app.get(CaseRooms);
  const manager = api.app.get(DataSource).manager;
  const found: string[] = [];
  for (const socket of gateway.openSockets()) {
    const state = await tokens.sessionState(socket.userId, socket.sessionId);
    if ('ended' in state) {
      found.push(`${socket.userId}: socket open on a session ended (${state.ended})`);
      continue;
    }
    for (const room of socket.rooms) {
      const caseRoom = /^case:([0-9a-f-]{36})(:ft)?$/.exec(room);
      if (caseRoom?.[1]) {
        const view = await rooms.viewFor(state.actor, caseRoom[1]);
        const held = caseRoom[2] ? 'framework_team' : 'office';
        if (view !== held)
          found.push(`${socket.userId}: in ${room} but may join ${view ?? 'none'}`);
      }
      const docRoom = /^doc:([0-9a-f-]{36})$/.exec(room);
      if (docRoom?.[1] && !(await documentAccess(manager, state.actor, docRoom[1])))
        found.push(`${socket.userId}: in ${room} but may not read it`);
    }
  }
  return found;
}

/** The rule holds once the change has been heard: wait for it, and fail with the violations. */
async function waitForInvariant(): Promise<void> {
  const until = Date.now() + 5000;
  let found = await violations();
  while (found.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    found = await violations();
  }
  expect(found).toEqual([]);
}

it('after any sequence of access changes, no open socket holds a room its person may not join', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 4, maxLength: 12 }), async (actions) => {
      const world = await buildWorld();
      try {
        for (const a of actions) {
          await perform(world, a);
          await waitForInvariant();
        }
      } finally {
        world.people.forEach((p) => p.socket?.close());
      }
    }),
    { numRuns: Number(process.env.ACCESS_PROPERTY_RUNS ?? 12), seed: 1414 },
  );
}, 180_000);
