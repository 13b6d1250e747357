import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentProvider } from '@vigil/client';
import type { Clearance, Role } from '@vigil/domain';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { newCluster, processEnv } from '../support/processes.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { CanaryRegistry, LeakLedger, type Canary, type ProbeName } from './canaries.js';
import { newFixture, remember, type Fixture } from './fixture.js';
import { HttpClient, waitFor } from './http.js';
import { PROBES, WRITERS, type ProbeSpec, type SituationSpec, type WriterName } from './probes.js';
import { startLoggedApi, startLoggedWorker, type LoggedProcess } from './processes.js';
import { appendParagraph, RecordingSocket } from './sockets.js';

/** Someone signed in (or not). */
export interface Person {
  name: string;
  id: string | null;
  email: string | null;
  token: string | null;
  spec: ProbeSpec | null;
}

/** What the fixture keeps per situation to write more later. */
export interface SituationState {
  spec: SituationSpec;
  caseId: string;
  sourceId: string;
  draftDocumentId: string;
  /** The assessment draft rounds revise, once one exists. */
  assessmentDraft: { id: string; version: number } | null;
  finalisedAssessmentId: string;
  partnerId: string;
}

/** The whole world of the canary test: processes, people, sockets, canaries, fixture ids. */
export class CanaryWorld {
  readonly registry = new CanaryRegistry();
  readonly fixture: Fixture = newFixture();
  readonly losses = new Map<ProbeName, Set<string>>();
  readonly ledger: LeakLedger;
  readonly people = new Map<string, Person>();
  readonly sockets = new Map<string, RecordingSocket>();
  readonly situations = new Map<string, SituationState>();
  readonly providers: DocumentProvider[] = [];
  /** The writer's typing socket (one per writer who types). */
  private typing: RecordingSocket | null = null;
  db!: OwnDatabase;
  smtp!: TestSmtp;
  api!: LoggedProcess;
  worker!: LoggedProcess;
  http!: HttpClient;
  logDir!: string;
  env!: Record<string, string>;
  /** Canaries planted, counted per step. */
  readonly planted = new Map<string, number>();
  /** probe → how many e-mails the SMTP server had received at its cut (later ones are after). */
  readonly mailCuts = new Map<ProbeName, number>();
  /** Probes past their cut (deactivated, or lost access): nobody mentions them any more. */
  readonly cutProbes = new Set<ProbeName>();
  /** analyst2's doc:sync after losing CONF, with the server's answers. */
  readonly lostDocSyncs: { when: string; answer: unknown; canary: Canary }[] = [];
  /** Document text typed in the current round (settle waits for it). */
  readonly roundTexts: string[] = [];

  constructor() {
    this.ledger = new LeakLedger(this.registry, this.losses, new Set(WRITERS));
  }

  // ---------------------------------------------------------------- processes and people

  /** Starts the database, SMTP server, api and worker, and creates and signs in everyone. */
  async start(): Promise<void> {
    this.db = await ownDatabase();
    this.smtp = await startTestSmtp();
    this.logDir = await mkdtemp(join(tmpdir(), 'vigil-canary-'));
    this.env = processEnv({
      SOCKET_CLUSTER: newCluster(),
      SMTP_URL: this.smtp.url,
      LOG_LEVEL: 'trace',
      PUBLIC_URL: 'http://vigil.canary.test/',
    });
    [this.api, this.worker] = await Promise.all([
      startLoggedApi(this.env, join(this.logDir, 'api.log')),
      Promise.resolve(startLoggedWorker(this.env, join(this.logDir, 'worker.log'))),
    ]);
    this.http = new HttpClient(this.api.url);
    await this.createPeople();
  }

  /** Closes every socket and document and stops the api and the worker. */
  async stop(): Promise<void> {
    for (const p of this.providers.splice(0)) p.destroy();
    for (const s of this.sockets.values()) s.close();
    this.typing?.close();
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
  }

  /** Stops everything and drops the database (even after a failed start). */
  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    await this.smtp?.close().catch(() => undefined);
    await this.db?.drop().catch(() => undefined);
  }

  private async createPeople(): Promise<void> {
    const office = await buildOrganisation({
      kind: 'office',
      acronym: `OFF-${randomUUID().slice(0, 6)}`,
    });
    const agencies = await Promise.all([1, 2].map(() => buildOrganisation({ kind: 'un_entity' })));
    const make = async (name: string, roles: Role[], clearance: Clearance, org: string) => {
      const user = await buildUser({
        roles,
        clearance,
        organisationId: org,
        displayName: `Canary ${name}`,
        email: `canary-${name}-${randomUUID().slice(0, 6)}@vigil.test`,
      });
      return { name, id: user.id, email: user.email, token: null, spec: null } as Person;
    };
    const writerRoles: Record<WriterName, Role[]> = {
      lead: ['analyst'],
      adviser1: ['adviser'],
      adviser2: ['adviser'],
    };
    for (const w of WRITERS)
      this.people.set(w, await make(w, writerRoles[w], 'strictly_confidential', office.id));
    let ft = 0;
    for (const spec of PROBES) {
      if (spec.anonymous) {
        this.people.set(spec.name, { name: spec.name, id: null, email: null, token: null, spec });
        continue;
      }
      const roles = spec.roles ?? ['analyst'];
      const org = roles.includes('framework_team') ? (agencies[ft++ % 2] ?? office).id : office.id;
      const person = await make(spec.name, roles, spec.clearance ?? 'confidential', org);
      person.spec = spec;
      this.people.set(spec.name, person);
      if (spec.losesAccessTo) this.losses.set(spec.name, new Set(spec.losesAccessTo));
      if (spec.deactivated) this.losses.set(spec.name, new Set(spec.memberOf ?? []));
    }
    for (const p of this.people.values()) {
      if (p.id) remember(this.fixture, 'user', p.id);
    }

    // Everyone signs in through the real route; the administrator gives the writers passwords
    // that are canaries (for the logs), and the writers sign in again with them.
    this.registry.phase = 'sign-in';
    await Promise.all([...this.people.values()].map((p) => this.signIn(p, TEST_PASSWORD)));
    const admin = this.person('admin');
    for (const w of WRITERS) {
      const password = `${this.registry.word('user', 'password', { situation: null, readers: [] }).word} staple`;
      this.registry.secret('user', 'password', password);
      await this.http.must(200, 'PATCH', `/api/users/${this.person(w).id}`, {
        token: admin.token,
        body: { password },
      });
      await this.signIn(this.person(w), password);
    }
    for (const spec of PROBES) {
      if (spec.email && !spec.anonymous)
        await this.http.must(200, 'PATCH', '/api/auth/me/preferences', {
          token: this.person(spec.name).token,
          body: { emailNotifications: spec.email },
        });
    }
  }

  private async signIn(p: Person, password: string): Promise<void> {
    if (!p.email) return;
    const res = await this.http.call('POST', '/api/auth/login', {
      body: { email: p.email, password },
    });
    if (res.status !== 200) throw new Error(`login ${p.name}: ${res.status} ${res.text}`);
    const body = res.json as { accessToken: string; refreshToken?: string };
    p.token = body.accessToken;
    this.registry.secret('session', 'accessToken', body.accessToken);
    // The signature alone too: a token cut in two is still a token in a log.
    this.registry.secret('session', 'accessToken.signature', body.accessToken.split('.')[2] ?? '');
    if (body.refreshToken) this.registry.secret('session', 'refreshToken', body.refreshToken);
    for (const cookie of (res.headers['set-cookie'] ?? '').split('\n')) {
      const value = /^[^=]+=([^;]*)/.exec(cookie)?.[1];
      if (value && value.length >= 16)
        this.registry.secret('session', 'refreshCookie', decodeURIComponent(value));
    }
  }

  /** The state of a situation by key. */
  situation(key: string): SituationState {
    const state = this.situations.get(key);
    if (!state) throw new Error(`no situation ${key}`);
    return state;
  }

  /** The recording socket of a probe or writer. */
  socket(name: string): RecordingSocket {
    const socket = this.sockets.get(name);
    if (!socket) throw new Error(`no socket of ${name}`);
    return socket;
  }

  /** A probe or writer by name. */
  person(name: string): Person {
    const p = this.people.get(name);
    if (!p) throw new Error(`no person ${name}`);
    return p;
  }

  /** The access token of a signed-in person. */
  token(name: WriterName | string): string {
    const t = this.person(name).token;
    if (!t) throw new Error(`${name} has no token`);
    return t;
  }

  // ---------------------------------------------------------------- writing

  /** Registers a new canary word for a field of a record (counted per step) and returns it. */
  plant(
    s: SituationSpec | null,
    kind: string,
    field: string,
    readers: Iterable<ProbeName>,
    recordId: string | null = null,
  ): string {
    this.planted.set(this.registry.phase, (this.planted.get(this.registry.phase) ?? 0) + 1);
    return this.registry.word(kind, field, { situation: s?.key ?? null, readers, recordId }).word;
  }

  /** Requests as one person (a writer, or a probe writing), with its token. */
  as(who: WriterName | string) {
    const token = this.token(who);
    return {
      post: <T = { id: string; version: number }>(
        path: string,
        body: unknown = {},
        status = [200, 201],
      ) => this.http.must<T>(status, 'POST', path, { token, body }),
      put: <T = Record<string, unknown>>(path: string, body: unknown) =>
        this.http.must<T>([200, 201], 'PUT', path, { token, body }),
      patch: <T = { id: string; version: number }>(path: string, body: unknown) =>
        this.http.must<T>(200, 'PATCH', path, { token, body }),
      get: <T = Record<string, unknown>>(path: string) =>
        this.http.must<T>(200, 'GET', path, { token }),
    };
  }

  /** Types a paragraph into a document as the lead, through the socket, and waits until stored. */
  async typeText(documentId: string, word: string): Promise<void> {
    if (!this.typing) {
      this.typing = new RecordingSocket('lead', this.api.url, this.token('lead'));
      if (!(await this.typing.connect())) throw new Error('the lead could not connect');
    }
    let provider = this.providers.find((p) => p.documentId === documentId);
    if (!provider) {
      if (!this.typing.socket) throw new Error('the typing socket is closed');
      provider = new DocumentProvider(this.typing.socket, documentId);
      this.providers.push(provider);
      await provider.whenSynced();
    }
    appendParagraph(provider.doc, `The risk is rising: ${word}.`);
    await provider.whenSaved();
    if (provider.current.error) throw new Error(`typing refused: ${provider.current.error}`);
  }

  // ---------------------------------------------------------------- sockets

  /** Opens a recording socket for every probe and writer (anonymous is refused at the handshake). */
  async connectEveryone(): Promise<void> {
    for (const p of this.people.values()) {
      const socket = new RecordingSocket(p.name, this.api.url, p.token);
      await socket.connect();
      this.sockets.set(p.name, socket);
    }
  }

  /** Every socket tries to join every situation and every document. */
  async joinEverything(): Promise<void> {
    const cases = [...(this.fixture.ids.get('case') ?? [])];
    const documents = [...(this.fixture.ids.get('document') ?? [])];
    await Promise.all(
      [...this.sockets.values()].map(async (socket) => {
        for (const id of cases) await socket.joinCase(id);
        for (const id of documents) await socket.joinDocument(id);
      }),
    );
  }

  /**
   * Waits until the writers' observer received the last comment of a round on each situation
   * (the outbox delivers in order), then a round trip on every socket: whatever the server sent
   * any probe for the round has arrived.
   */
  async settle(lastCommentIds: string[]): Promise<void> {
    // The round's document text reached the observer (it joined every document)…
    const words = this.roundTexts.splice(0);
    const observer = this.socket('adviser2');
    await waitFor(
      () =>
        words.every((word) =>
          observer.received.some(
            (r) =>
              r.event === 'doc:sync' &&
              Buffer.from((r.args[0] as { message: Uint8Array }).message).includes(word),
          ),
        ),
      "the observer to receive the round's document text",
      60_000,
    );
    // …and the round's last comment (the outbox delivers in order).
    for (const id of lastCommentIds) {
      await this.settleOn(
        (r) =>
          r.event === 'case:event' &&
          JSON.stringify(r.args).includes(id) &&
          JSON.stringify(r.args).includes('comment.created'),
      );
    }
  }

  /** Waits until the writers' observer received something, then a round trip on every socket. */
  async settleOn(match: (r: { event: string; args: unknown[] }) => boolean): Promise<void> {
    const observer = this.socket('adviser2');
    await waitFor(() => observer.received.some(match), 'the observer to receive the event', 60_000);
    await Promise.all([...this.sockets.values()].map((s) => s.fence()));
  }

  /** Document version counts as the writers see them (for the version routes). */
  async countVersions(): Promise<void> {
    for (const id of this.fixture.ids.get('document') ?? []) {
      const page = await this.as('adviser1').get<{ items: { number: number }[] }>(
        `/api/documents/${id}/versions?limit=100`,
      );
      this.fixture.versions.set(id, Math.max(1, ...page.items.map((v) => v.number)));
    }
  }
}
