import { applyWorkflowEvent, describeWorkflow, type WorkflowEvent } from '@vigil/domain';
import * as encoding from 'lib0/encoding';
import request from 'supertest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { signIn, type HttpApi, type Session } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { createDocument, editorText, storedText } from '../support/documents.js';
import { buildUser, testPool } from '../support/factories.js';
import { createSource, itemInput } from '../support/information.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import {
  newCluster,
  processEnv,
  startApiProcess,
  type VigilProcess,
} from '../support/processes.js';
import { connectAs } from '../support/realtime.js';

// An api process killed with SIGKILL in the middle of a write load (cases, items, transitions,
// comments, Yjs updates) and started again: everything it acknowledged is in the database, every
// case's stored workflow equals the replay of its events, the audit chain verifies, and every
// acknowledged Yjs update is in the document.

const LOAD_BEFORE_KILL_MS = 1500;

let db: OwnDatabase;
let api: VigilProcess;
let env: Record<string, string>;
const http: HttpApi = { http: () => request(api.url) };
let analyst: Session;
let adviser: Session;
let admin: Session;

beforeAll(async () => {
  db = await ownDatabase();
  env = processEnv({ SOCKET_CLUSTER: newCluster() });
  api = await startApiProcess(env);
  const person = async (roles: ('analyst' | 'adviser' | 'admin')[]) =>
    signIn(http, await buildUser({ roles, clearance: 'strictly_confidential' }));
  [analyst, adviser, admin] = await Promise.all([
    person(['analyst']),
    person(['adviser']),
    person(['admin']),
  ]);
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

/** What the killed process acknowledged (answered 2xx) before it died. */
interface Acknowledged {
  cases: string[];
  items: string[];
  comments: string[];
  closed: string[];
  markers: string[];
}

it('a crash mid-load loses nothing acknowledged, and the logs still verify', async () => {
  const commentCase = await openCase(http, analyst, { title: 'Case under discussion' });
  const source = await createSource(http, analyst);
  const document = await createDocument(http, analyst, commentCase.id);
  const socket = await connectAs(api, analyst.accessToken);
  const joined = await socket.timeout(5000).emitWithAck('doc:join', { documentId: document.id });
  expect(joined).toMatchObject({ ok: true });

  const acked: Acknowledged = { cases: [], items: [], comments: [], closed: [], markers: [] };
  const refusals: string[] = [];
  const post = (token: string, path: string, body: unknown) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (res) => {
      const body = (await res.json()) as { id: string; message?: string };
      // Before the crash every request is valid: any refusal is a defect, kept to be reported.
      if (res.status >= 300) refusals.push(`${path} ${res.status} ${body.message ?? ''}`);
      return { status: res.status, body };
    });
  /** Runs `step` until it throws (the process is gone). */
  const loop = async (step: (i: number) => Promise<void>) => {
    for (let i = 0; ; i += 1) {
      try {
        await step(i);
      } catch {
        return;
      }
    }
  };

  const caseLoad = () =>
    loop(async (i) => {
      const res = await post(analyst.accessToken, '/api/cases', {
        title: `Situation ${i}`,
        country: 'KEN',
        summary: 'Opened under load.',
      });
      if (res.status === 201) acked.cases.push(res.body.id);
    });
  const itemLoad = () =>
    loop(async (i) => {
      const res = await post(
        analyst.accessToken,
        '/api/information-items',
        itemInput(source.id, { title: `Report ${i} under load` }),
      );
      if (res.status === 201) acked.items.push(res.body.id);
    });
  const commentLoad = () =>
    loop(async (i) => {
      const res = await post(analyst.accessToken, `/api/cases/${commentCase.id}/comments`, {
        thread: 'internal',
        body: `Comment ${i}`,
      });
      if (res.status === 201) acked.comments.push(res.body.id);
    });
  const transitionLoad = () =>
    loop(async (i) => {
      const opened = await post(analyst.accessToken, '/api/cases', {
        title: `Situation to close ${i}`,
        country: 'KEN',
        summary: 'Opened to be closed.',
      });
      if (opened.status !== 201) return;
      acked.cases.push(opened.body.id);
      const proposal = await post(analyst.accessToken, `/api/cases/${opened.body.id}/escalations`, {
        toStage: 'closed',
        justification: 'No longer a concern.',
      });
      if (proposal.status !== 201) throw new Error(`proposal: ${proposal.status}`);
      const approval = await post(
        adviser.accessToken,
        `/api/escalations/${proposal.body.id}/approve`,
        {},
      );
      if (approval.status === 200) acked.closed.push(opened.body.id);
    });
  const yjsLoad = () => {
    const doc = new Y.Doc();
    return loop(async (i) => {
      let update: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        update = u;
      };
      doc.on('update', capture);
      // One update: the first also creates the paragraph the markers are typed into.
      doc.transact(() => {
        const text = editorText(doc);
        text.insert(text.length, `m${i};`);
      });
      doc.off('update', capture);
      const message = encoding.createEncoder();
      syncProtocol.writeUpdate(message, update ?? new Uint8Array());
      const answer = await socket.timeout(2000).emitWithAck('doc:sync', {
        documentId: document.id,
        message: encoding.toUint8Array(message),
      });
      if (answer.ok) acked.markers.push(`m${i};`);
    });
  };

  const load = Promise.all([
    caseLoad(),
    caseLoad(),
    itemLoad(),
    itemLoad(),
    commentLoad(),
    transitionLoad(),
    yjsLoad(),
  ]);
  // Kill once every kind of write has been acknowledged at least once, mid-flight.
  const start = Date.now();
  const kinds = ['cases', 'items', 'comments', 'closed', 'markers'] as const;
  while (
    (Date.now() - start < LOAD_BEFORE_KILL_MS || kinds.some((k) => acked[k].length === 0)) &&
    Date.now() - start < 20_000
  ) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await api.kill();
  await load;
  socket.close();

  // The load did run before the crash, and nothing valid was refused.
  expect(refusals).toEqual([]);
  for (const kind of kinds) {
    expect({ kind, some: acked[kind].length > 0 }).toEqual({ kind, some: true });
  }

  api = await startApiProcess(env, api.port);

  const pool = testPool();
  const present = async (table: string, ids: string[]) =>
    (
      await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows[0]?.n;
  expect(await present('cases', acked.cases)).toBe(new Set(acked.cases).size);
  expect(await present('information_items', acked.items)).toBe(acked.items.length);
  expect(await present('comments', acked.comments)).toBe(acked.comments.length);
  const { rows: closed } = await pool.query<{ stage: string }>(
    'SELECT stage FROM cases WHERE id = ANY($1::uuid[])',
    [acked.closed],
  );
  expect(closed.map((c) => c.stage)).toEqual(acked.closed.map(() => 'closed'));

  await expectEveryCaseToReplay();

  const verify = await http.http().get('/api/audit/verify').set(admin.auth());
  expect(verify.status).toBe(200);
  expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });

  const stored = await storedText(document.id);
  const missing = acked.markers.filter((m) => !stored.includes(m));
  expect(missing).toEqual([]);
}, 180_000);

/** Every case: the replay of its event log gives its stored stage, sub-state and snapshot. */
async function expectEveryCaseToReplay(): Promise<void> {
  const pool = testPool();
  const { rows: cases } = await pool.query<{
    id: string;
    stage: string;
    sub_state: string;
    workflow_snapshot: unknown;
  }>('SELECT id, stage, sub_state, workflow_snapshot FROM cases');
  expect(cases.length).toBeGreaterThan(0);
  for (const c of cases) {
    const { rows: events } = await pool.query<{ event: WorkflowEvent | null }>(
      `SELECT payload->'workflowEvent' AS event FROM case_events WHERE case_id = $1 ORDER BY seq`,
      [c.id],
    );
    let snapshot: unknown = null;
    for (const e of events) {
      if (e.event === null) continue;
      const { step, snapshot: next } = applyWorkflowEvent(snapshot, e.event);
      expect({ case: c.id, accepted: step.accepted }).toEqual({ case: c.id, accepted: true });
      snapshot = next;
    }
    const replayed = describeWorkflow(snapshot);
    expect({ case: c.id, stage: replayed.stage, subState: replayed.subState }).toEqual({
      case: c.id,
      stage: c.stage,
      subState: c.sub_state,
    });
    expect(replayed).toEqual(describeWorkflow(c.workflow_snapshot));
  }
}
