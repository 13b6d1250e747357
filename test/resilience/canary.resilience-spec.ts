import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatLeaks, type Leak } from '../canary/canaries.js';
import { scanLog, scanMail } from '../canary/scan-files.js';
import { deactivate, loseAccess } from '../canary/access-loss.js';
import { runJobsAndMail } from '../canary/jobs.js';
import { openSituations, plantEverything } from '../canary/planting.js';
import { PROBES, WRITERS } from '../canary/probes.js';
import { round } from '../canary/rounds.js';
import { getRoutes, type Route } from '../canary/routes.js';
import { sweep } from '../canary/sweep.js';
import { CanaryWorld } from '../canary/world.js';
import { testPool } from '../support/factories.js';

// Issue 14, item 2: no classified word reaches anyone not cleared for it, on any channel.
//
// On a database of its own, an api and a worker process (LOG_LEVEL=trace, their output kept in
// files) and an SMTP server. Writers (a lead analyst and two advisers, strictly confidential)
// plant a unique canary word in every text field of every kind of record of four situations
// (SC strictly confidential; CONF confidential, worked by analyst2, with one strictly
// confidential item citing a source only it cites; SHARED confidential, shared with the
// Framework Team; OTHER confidential, nobody's). Probe actors (test/canary/probes.ts PROBES) then
// read every GET route of the OpenAPI document with every plausible id, filter and search word
// (with the search oracle), listen on their sockets while the writers write again, lose access
// with their socket open, get their e-mail and notifications; the administrator reads the audit
// log; and the api's and worker's log files are read. Any canary that reaches someone who may not
// read its record is a leak, reported as `channel | probe | route | canary (kind.field) | where`.

const world = new CanaryWorld();
let routes: Route[] = [];
const timings: string[] = [];
let report = '';
/** Audit entries about SC that the administrator reads (accountability stays visible). */
let auditOfSc = 0;
const started = Date.now();

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const result = await run();
  timings.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

const probeNames = PROBES.map((p) => p.name);

beforeAll(async () => {
  await step('start processes and people', () => world.start());
  await step('connect sockets', () => world.connectEveryone());
  await step('open situations', () => openSituations(world));
  // Sockets join the situations before anything else is written into them.
  await step('join situations', () => world.joinEverything());
  await step('plant every record', () => plantEverything(world));
  await step('join documents', () => world.joinEverything());
  const live = await step('live round', () => round(world, 'live'));
  await step('settle live round', () => world.settle(live));
  await step('deactivate', () => deactivate(world));
  const afterDeactivation = await step('round after deactivation', () =>
    round(world, 'after-deactivation', ['SC']),
  );
  await step('settle', () => world.settle(afterDeactivation));
  await world.countVersions();

  routes = await world.http.call('GET', '/api/docs-json').then(() => getRoutes(world.http));
  // The writers read everything (the self-check: planted canaries are found where allowed).
  await step('writers sweep', () =>
    Promise.all(
      ['lead', 'adviser1'].map((w) =>
        sweep(world.http, routes, world.fixture, world.ledger, {
          probe: w,
          token: world.token(w),
          afterCut: false,
          oracleWords: null,
        }),
      ),
    ),
  );
  // Every probe: every route, id, filter and search word, and the oracle.
  for (const spec of PROBES) {
    const person = world.person(spec.name);
    await step(`sweep ${spec.name}`, () =>
      sweep(world.http, routes, world.fixture, world.ledger, {
        probe: spec.name,
        token: person.token,
        afterCut: Boolean(spec.deactivated),
        oracleWords: world.registry.hiddenFrom(spec.name),
      }),
    );
  }

  // Access lost with the socket open; then the writers write into CONF again.
  await step('access loss', () => loseAccess(world));
  const afterLoss = await step('round after loss', () => round(world, 'after-loss', ['CONF']));
  await step('settle', () => world.settle(afterLoss));
  await world.countVersions();
  for (const spec of PROBES.filter((p) => p.losesAccessTo)) {
    const lost = world.registry.all.filter(
      (c) => c.match === 'word' && c.situation && spec.losesAccessTo?.includes(c.situation),
    );
    await step(`sweep ${spec.name} after loss`, () =>
      sweep(world.http, routes, world.fixture, world.ledger, {
        probe: spec.name,
        token: world.person(spec.name).token,
        afterCut: true,
        oracleWords: lost,
      }),
    );
  }

  // The worker's jobs, e-mail; then notifications and the audit log read once more at the end.
  await step('jobs and e-mail', () => runJobsAndMail(world));
  const last = routes.filter(
    (r) => r.path.startsWith('/api/notifications') || r.path.startsWith('/api/audit'),
  );
  for (const spec of PROBES) {
    await sweep(world.http, last, world.fixture, world.ledger, {
      probe: spec.name,
      token: world.person(spec.name).token,
      afterCut: true,
      oracleWords: spec.name === 'admin' ? [] : null,
    });
  }

  // The writers read everything once more (what the last rounds planted too).
  await step('writers sweep at the end', () =>
    sweep(world.http, routes, world.fixture, world.ledger, {
      probe: 'adviser1',
      token: world.token('adviser1'),
      afterCut: false,
      oracleWords: null,
    }),
  );
  const scAudit = await world.http.call('GET', '/api/audit', {
    token: world.token('admin'),
    query: { entityId: world.situation('SC').caseId },
  });
  auditOfSc = (scAudit.json as { items?: unknown[] } | undefined)?.items?.length ?? 0;

  // Everything the sockets received, every e-mail, then the logs once the processes are down.
  for (const socket of world.sockets.values()) socket.scanInto(world.ledger, world.registry);
  const addresses = new Map(
    [...world.people.values()].map((p) => [p.email?.toLowerCase() ?? '', p.name]),
  );
  scanMail(
    world.ledger,
    world.smtp.messages,
    (a) => addresses.get(a.toLowerCase()) ?? null,
    world.mailCuts,
  );
  await step('stop processes', () => world.stop());
  await scanLog(world.ledger, world.api.logFile);
  await scanLog(world.ledger, world.worker.logFile);

  report = summary();
  await writeFile(
    join(world.logDir, 'report.txt'),
    `${report}\n\n${formatLeaks(world.ledger.leaks, 100_000)}\n`,
  );
  console.warn(`${report}\nFull report: ${join(world.logDir, 'report.txt')}`);
}, 900_000);

afterAll(async () => {
  await world.dispose();
});

function summary(): string {
  const l = world.ledger;
  const byChannel = [...l.scanned].map(
    ([channel, probes]) => `  ${channel}: ${[...probes].map(([p, n]) => `${p} ${n}`).join(', ')}`,
  );
  const planted = [...world.planted].map(([phase, n]) => `${phase} ${n}`).join(', ');
  return [
    `Canary test: ${world.registry.all.length} canaries (${planted}; plus source ids, passwords, tokens)`,
    `${l.combinations()} (channel, probe, canary) combinations checked; ${world.http.requests} HTTP requests; ` +
      `${[...world.sockets.values()].reduce((n, s) => n + s.received.length, 0)} socket messages; ` +
      `${world.smtp.messages.length} e-mails; ${routes.length} GET routes`,
    `Answers scanned per channel and probe:`,
    ...byChannel,
    `Sockets at the end: ${[...world.sockets.values()]
      .map((s) => {
        const notices = s.received
          .filter(
            (r) =>
              r.afterCut &&
              !['case:event', 'doc:sync', 'doc:awareness', 'presence'].includes(r.event),
          )
          .map((r) => r.event);
        return `${s.probe} ${s.connected ? 'connected' : 'closed'}${notices.length ? ` (after its cut: ${[...new Set(notices)].join(', ')})` : ''}`;
      })
      .join('; ')}`,
    `Own document edits after losing access: ${world.lostDocSyncs
      .map((d) => `${d.when}: ${JSON.stringify(d.answer)}`)
      .join('; ')}`,
    `Leaks: ${l.leaks.length} (${new Set(l.leaks.map((x) => `${x.channel}|${x.probe}|${x.canary.key}`)).size} distinct channel/probe/canary)`,
    `Time: ${((Date.now() - started) / 1000).toFixed(0)} s (${timings.join('; ')})`,
  ].join('\n');
}

function expectNoLeaks(leaks: Leak[]): void {
  if (leaks.length) throw new Error(`${leaks.length} leaks:\n${formatLeaks(leaks)}\n\n${report}`);
}

describe('the canary test finds what it looks for (self-check)', () => {
  const canary = (situation: string, kind: string, field: string, phase = 'setup') => {
    const found = world.registry.all.find(
      (c) => c.situation === situation && c.kind === kind && c.field === field && c.phase === phase,
    );
    if (!found) throw new Error(`no canary ${situation} ${kind}.${field} (${phase})`);
    return found;
  };
  const seen = (probe: string, situation: string, kind: string, field: string, phase = 'setup') =>
    world.ledger.sawAllowed(probe, canary(situation, kind, field, phase));
  const someMatch = (pattern: RegExp) => expect.arrayContaining([expect.stringMatching(pattern)]);

  it('each probe sees what it may: analyst2 CONF, the Framework Team SHARED, the writers everything', () => {
    expect(seen('analyst2', 'CONF', 'case', 'title')).toEqual(
      someMatch(/^http GET \/api\/cases\/[0-9a-f-]+ \$\.title$/),
    );
    expect(seen('analyst2', 'CONF', 'source', 'name')).toEqual(
      someMatch(/^http GET \/api\/sources/),
    );
    expect(seen('ft-shared', 'SHARED', 'case', 'title')).toEqual(
      someMatch(/^http GET \/api\/priority-situations\/[0-9a-f-]+ /),
    );
    expect(seen('ft-shared', 'SHARED', 'recommendation', 'text')).toEqual(
      someMatch(/priority-situations/),
    );
    expect(seen('ft-shared', 'SHARED', 'endorsement', 'note')).toEqual(
      someMatch(/priority-situations/),
    );
    // Live: a document edit typed by the lead reached analyst2's socket as document text, and
    // the deactivated member's socket before its deactivation.
    expect(seen('analyst2', 'CONF', 'document', 'text', 'live')).toEqual(
      someMatch(/^socket event doc:sync document text/),
    );
    expect(seen('deactivated', 'SC', 'document', 'text', 'live')).toEqual(
      someMatch(/^socket event doc:sync/),
    );
  });

  it('every channel is read: PDF text, CSV, attachments, sockets, e-mail, audit, logs', () => {
    const places = (probe: string) =>
      world.registry.all.flatMap((c) => world.ledger.sawAllowed(probe, c));
    const adviser = places('adviser1');
    expect(adviser).toEqual(someMatch(/\/pdf PDF text/));
    expect(adviser).toEqual(someMatch(/export\.csv line/));
    expect(adviser).toEqual(someMatch(/attachments\/[0-9a-f-]+ line/));
    expect(adviser).toEqual(someMatch(/^socket event case:event/));
    expect(places('adviser2')).toEqual(someMatch(/^socket event doc:sync document text/));
    // E-mail carries the situation's reference (a canary for those who may not read it).
    expect(WRITERS.flatMap((w) => places(w))).toEqual(someMatch(/^email mail /));
    const scanned = world.ledger.scanned;
    expect(scanned.get('email')?.size ?? 0).toBeGreaterThan(0);
    expect(scanned.get('audit')?.get('admin') ?? 0).toBeGreaterThan(10);
    expect(scanned.get('logs')?.get('log reader') ?? 0).toBeGreaterThan(100);
    expect(scanned.get('oracle')?.get('analyst-nocase') ?? 0).toBeGreaterThan(100);
    // The administrator sees accountability: the audit names SC's case.
    expect(auditOfSc).toBeGreaterThan(0);
  });

  it('the writers saw nearly every canary they planted (printed: the ones nobody can read back)', () => {
    const words = world.registry.all.filter(
      (c) => c.match === 'word' && !c.neverStored && c.kind !== 'user',
    );
    const unseen = words.filter((c) => !WRITERS.some((w) => world.ledger.sawAllowed(w, c).length));
    if (unseen.length)
      console.warn(
        `Canaries no writer read back on any channel (${unseen.length}/${words.length}):\n` +
          unseen.map((c) => `  ${c.situation} ${c.kind}.${c.field} (${c.phase})`).join('\n'),
      );
    expect(unseen.length / words.length).toBeLessThan(0.1);
  });
});

describe('access lost is access gone', () => {
  it('an anonymous socket is refused at the handshake', () => {
    const anonymous = world.socket('anonymous');
    expect({ connected: anonymous.connected, refused: anonymous.connectError !== null }).toEqual({
      connected: false,
      refused: true,
    });
  });

  it("analyst2's own document edits after losing CONF are refused and never stored", async () => {
    expect(world.lostDocSyncs.length).toBeGreaterThan(0);
    const outcomes = [];
    for (const { when, answer, canary } of world.lostDocSyncs) {
      const { rows } = await testPool().query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM document_updates WHERE position($1::bytea in update) > 0)
              + (SELECT count(*) FROM documents WHERE position($1::bytea in state) > 0)
              + (SELECT count(*) FROM document_versions WHERE position($2 in text) > 0))::int AS n`,
        [Buffer.from(canary.word), canary.word],
      );
      outcomes.push({ when, answer, storedCopies: rows[0]?.n });
    }
    expect(outcomes).toEqual(
      world.lostDocSyncs.map(({ when }) => ({
        when,
        answer: expect.objectContaining({ ok: false }),
        storedCopies: 0,
      })),
    );
  });
});

describe.each(['http', 'oracle', 'socket', 'notifications', 'email', 'audit', 'logs'])(
  'no canary reaches anyone not cleared for it: %s',
  (channel) => {
    it.each(probeNames.concat(channel === 'logs' ? ['log reader'] : []))('as %s', (probe) => {
      expectNoLeaks(world.ledger.leaksOf(channel).filter((l) => l.probe === probe));
    });
  },
);

it('no canary reaches anyone else (an unknown e-mail recipient, a channel not listed above)', () => {
  const listed = new Set(['http', 'oracle', 'socket', 'notifications', 'email', 'audit', 'logs']);
  const known = new Set([...probeNames, 'log reader']);
  expectNoLeaks(world.ledger.leaks.filter((l) => !listed.has(l.channel) || !known.has(l.probe)));
});
