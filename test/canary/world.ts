import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentProvider } from '@vigil/client';
import { RABAT_PARTS, type Clearance, type Role } from '@vigil/domain';
import { PgBoss } from 'pg-boss';
import { buildOrganisation, buildUser, testPool, TEST_PASSWORD } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { newCluster, processEnv } from '../support/processes.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { CanaryRegistry, LeakLedger, type Canary, type ProbeName } from './canaries.js';
import { HttpClient, waitFor } from './http.js';
import { startLoggedApi, startLoggedWorker, type LoggedProcess } from './processes.js';
import { appendParagraph, RecordingSocket } from './sockets.js';
import { newFixture, remember, type Fixture } from './sweep.js';

/** A person who reads, to see what reaches them. Add a line to add a probe. */
export interface ProbeSpec {
  name: ProbeName;
  /** No account at all: every request without a token, the socket handshake without one. */
  anonymous?: boolean;
  roles?: Role[];
  clearance?: Clearance;
  /** Situations the probe works on as a member (so it may read their content). */
  memberOf?: string[];
  /** Deactivated by the administrator after the live phase, before the probing. */
  deactivated?: boolean;
  /** Loses access to these situations in the access-loss phase (CONF is reclassified). */
  losesAccessTo?: string[];
  email?: 'off' | 'immediate' | 'daily_digest';
}

export const PROBES: ProbeSpec[] = [
  // Clearance is not what stops them: need to know is.
  { name: 'analyst-nocase', roles: ['analyst'], clearance: 'strictly_confidential' },
  {
    name: 'analyst2',
    roles: ['analyst'],
    clearance: 'confidential',
    memberOf: ['CONF'],
    losesAccessTo: ['CONF'],
  },
  // Every Framework Team member reads every shared situation within clearance (there is no
  // per-situation membership for the Framework Team): ft-shared reads SHARED, and so does
  // ft-strict, whose strictly confidential clearance does not open SC (not shared).
  {
    name: 'ft-shared',
    roles: ['framework_team'],
    clearance: 'confidential',
    email: 'daily_digest',
  },
  { name: 'ft-strict', roles: ['framework_team'], clearance: 'strictly_confidential' },
  // Cleared for everything, so only need to know stops the administrator.
  { name: 'admin', roles: ['admin'], clearance: 'strictly_confidential' },
  {
    name: 'deactivated',
    roles: ['analyst'],
    clearance: 'strictly_confidential',
    memberOf: ['SC'],
    deactivated: true,
  },
  { name: 'anonymous', anonymous: true },
];

/** The situations the writers fill. */
export interface SituationSpec {
  key: string;
  classification: Clearance;
  shared: boolean;
  /** A strictly confidential item citing a source only it cites (the source-leak bullet). */
  secretItem?: boolean;
  country: string;
}

export const SITUATIONS: SituationSpec[] = [
  { key: 'SC', classification: 'strictly_confidential', shared: false, country: 'SDN' },
  { key: 'CONF', classification: 'confidential', shared: false, secretItem: true, country: 'KEN' },
  { key: 'SHARED', classification: 'confidential', shared: true, country: 'MMR' },
  { key: 'OTHER', classification: 'confidential', shared: false, country: 'ETH' },
];

const RANK: Record<Clearance, number> = {
  unclassified: 0,
  confidential: 1,
  strictly_confidential: 2,
};

export const WRITERS = ['lead', 'adviser1', 'adviser2'] as const;
type WriterName = (typeof WRITERS)[number];

/** Someone signed in (or not). */
export interface Person {
  name: string;
  id: string | null;
  email: string | null;
  token: string | null;
  spec: ProbeSpec | null;
}

/** What the fixture keeps per situation to write more later. */
interface SituationState {
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
  private readonly roundTexts: string[] = [];

  constructor() {
    this.ledger = new LeakLedger(this.registry, this.losses, new Set(WRITERS));
  }

  // ---------------------------------------------------------------- processes and people

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

  async stop(): Promise<void> {
    for (const p of this.providers.splice(0)) p.destroy();
    for (const s of this.sockets.values()) s.close();
    this.typing?.close();
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
  }

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

  situation(key: string): SituationState {
    const state = this.situations.get(key);
    if (!state) throw new Error(`no situation ${key}`);
    return state;
  }

  socket(name: string): RecordingSocket {
    const socket = this.sockets.get(name);
    if (!socket) throw new Error(`no socket of ${name}`);
    return socket;
  }

  person(name: string): Person {
    const p = this.people.get(name);
    if (!p) throw new Error(`no person ${name}`);
    return p;
  }

  token(name: WriterName | string): string {
    const t = this.person(name).token;
    if (!t) throw new Error(`${name} has no token`);
    return t;
  }

  // ---------------------------------------------------------------- who may read what

  private probeSpecs(): ProbeSpec[] {
    return PROBES.filter((p) => !p.anonymous);
  }

  /** Probes who work on the situation and are cleared for `level`. */
  officeReaders(s: SituationSpec, level: Clearance = s.classification): ProbeName[] {
    return this.probeSpecs()
      .filter((p) => (p.memberOf ?? []).includes(s.key))
      .filter((p) => RANK[p.clearance ?? 'unclassified'] >= RANK[level])
      .map((p) => p.name);
  }

  /** Office readers, and the Framework Team within clearance when the situation is shared. */
  viewReaders(s: SituationSpec): ProbeName[] {
    const ft = s.shared
      ? this.probeSpecs()
          .filter((p) => p.roles?.includes('framework_team'))
          .filter((p) => RANK[p.clearance ?? 'unclassified'] >= RANK[s.classification])
          .map((p) => p.name)
      : [];
    return [...new Set([...this.officeReaders(s), ...ft])];
  }

  private plant(
    s: SituationSpec | null,
    kind: string,
    field: string,
    readers: Iterable<ProbeName>,
    recordId: string | null = null,
  ): string {
    this.planted.set(this.registry.phase, (this.planted.get(this.registry.phase) ?? 0) + 1);
    return this.registry.word(kind, field, { situation: s?.key ?? null, readers, recordId }).word;
  }

  // ---------------------------------------------------------------- writing

  private as(who: WriterName | string) {
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

  /** Creates every situation with its members, and shares SHARED. */
  async openSituations(): Promise<void> {
    this.registry.phase = 'setup';
    const lead = this.as('lead');
    for (const s of SITUATIONS) {
      const view = this.viewReaders(s);
      const title = this.plant(s, 'case', 'title', view);
      const summary = this.plant(s, 'case', 'summary', view);
      const created = await lead.post('/api/cases', {
        title: `Situation ${title}`,
        country: s.country,
        summary: `Reports of attacks. ${summary}`,
        classification: s.classification,
      });
      remember(this.fixture, 'case', created.id, this.officeReaders(s));
      // Its reference names the situation (notifications and e-mail carry it): its readers only.
      // The audit and the logs name records, which their readers may see.
      this.registry.id(
        'case',
        (created as unknown as { reference: string }).reference,
        { situation: s.key, readers: view },
        /^(audit|logs)\|/,
      );
      this.fixture.countries.add(s.country);
      for (const probe of this.probeSpecs().filter((p) => p.memberOf?.includes(s.key))) {
        await lead.post(`/api/cases/${created.id}/members`, {
          userId: this.person(probe.name).id,
          role: 'analyst',
        });
      }
      if (s.shared)
        await this.as('adviser1').post(`/api/cases/${created.id}/priority`, { shared: true });
      const partner = await buildOrganisation({ kind: 'regional_org' });
      remember(this.fixture, 'organisation', partner.id);
      this.situations.set(s.key, {
        spec: s,
        caseId: created.id,
        sourceId: '',
        draftDocumentId: '',
        assessmentDraft: null,
        finalisedAssessmentId: '',
        partnerId: partner.id,
      });
    }
  }

  /** Every kind of record, with a canary in every text field, in every situation. */
  async plantEverything(): Promise<void> {
    this.registry.phase = 'setup';
    for (const state of this.situations.values()) await this.plantSituation(state);
    await this.plantOrphanItem();
  }

  private async newSource(s: SituationSpec | null, readers: ProbeName[]): Promise<string> {
    const name = this.plant(s, 'source', 'name', readers);
    const contact = this.plant(s, 'source', 'contactNotes', readers);
    const source = await this.as('lead').post('/api/sources', {
      name: `Informant ${name}`,
      kind: 'individual',
      reliability: 'B',
      contactNotes: `Call through ${contact} only.`,
    });
    remember(this.fixture, 'source', source.id, readers);
    // A source's id is its identity's handle: only its readers may see it (the audit's entityId
    // names the record, which the administrator may see).
    // A log names records by id (request URLs): the logs are checked for words and secrets.
    this.registry.id(
      'source',
      source.id,
      { situation: s?.key ?? null, readers },
      /^audit\|\$\.items\[\d+\]\.entityId$|^logs\|/,
    );
    return source.id;
  }

  private async newItem(
    s: SituationSpec | null,
    caseId: string | null,
    sourceId: string,
    classification: Clearance,
    readers: ProbeName[],
    options: { speech?: boolean; attachment?: boolean; full?: boolean } = {},
  ): Promise<string> {
    const field = (name: string) => this.plant(s, 'item', name, readers);
    const item = await this.as('lead').post('/api/information-items', {
      title: `Checkpoints ${field('title')}`,
      description: `Witnesses describe ${field('description')} at the market.`,
      country: s?.country ?? 'SDN',
      eventDate: '2026-10-02',
      kind: options.speech ? 'speech' : 'incident',
      sourceId,
      credibility: 2,
      consent: 'yes',
      classification,
      caseIds: caseId ? [caseId] : [],
      ...(options.full
        ? {
            placeName: `Town ${field('placeName')}`,
            adminArea: `Province ${field('adminArea')}`,
            affectedGroups: [`Group ${field('affectedGroups')}`],
            indicatorIds: ['7.14'],
            crimeTypes: ['genocide'],
          }
        : {}),
    });
    remember(this.fixture, 'item', item.id, readers);
    if (options.full) this.fixture.indicatorIds.add('7.14');
    if (options.speech) {
      const speech = (name: string) => this.plant(s, 'speechAssessment', name, readers);
      const note = speech('partNote');
      await this.as('lead').put(`/api/information-items/${item.id}/speech-assessment`, {
        speaker: `Governor ${speech('speaker')}`,
        speakerStatus: `Official ${speech('speakerStatus')}`,
        audience: `Crowd ${speech('audience')}`,
        targetGroup: `Villagers ${speech('targetGroup')}`,
        medium: `Radio ${speech('medium')}`,
        reach: `Region ${speech('reach')}`,
        parts: RABAT_PARTS.map((part) => ({
          part,
          met: part === 'context',
          note: `Judged ${note}`,
        })),
      });
    }
    if (options.attachment) {
      const fileName = this.plant(s, 'attachment', 'fileName', readers);
      const content = this.plant(s, 'attachment', 'content', readers);
      const attachment = await this.http.must<{ id: string }>(
        201,
        'POST',
        `/api/information-items/${item.id}/attachments`,
        {
          token: this.token('lead'),
          file: {
            name: `${fileName}.txt`,
            type: 'text/plain',
            content: Buffer.from(`Witness notes: ${content}\n`),
          },
        },
      );
      remember(this.fixture, 'attachment', attachment.id, readers);
    }
    return item.id;
  }

  private async plantSituation(state: SituationState): Promise<void> {
    const s = state.spec;
    const office = this.officeReaders(s);
    const view = this.viewReaders(s);
    const lead = this.as('lead');
    const adviser = this.as('adviser1');
    const caseId = state.caseId;
    const w = (kind: string, field: string, readers: ProbeName[] = office) =>
      this.plant(s, kind, field, readers);

    // Sources and items: one at the situation's level; for CONF one strictly confidential too,
    // citing a source that only it cites.
    const itemReaders = this.officeReaders(s, s.classification);
    state.sourceId = await this.newSource(s, itemReaders);
    const itemId = await this.newItem(s, caseId, state.sourceId, s.classification, itemReaders, {
      speech: true,
      attachment: true,
      full: true,
    });
    const evidence = [itemId];
    if (s.secretItem) {
      const secretReaders = this.officeReaders(s, 'strictly_confidential');
      const secretSource = await this.newSource(s, secretReaders);
      evidence.push(
        await this.newItem(s, caseId, secretSource, 'strictly_confidential', secretReaders, {
          attachment: true,
          full: true,
        }),
      );
    }

    // A finalised risk assessment (rationale and summary), citing the items as evidence.
    const assessment = await lead.post(`/api/cases/${caseId}/assessments`, {
      crimeTypes: ['genocide', 'crimes_against_humanity', 'war_crimes'],
      ratings: Array.from({ length: 14 }, (_, i) => ({
        factor: i + 1,
        rating: 2,
        confidence: 'medium',
        rationale: i === 0 ? `Because ${w('assessment', 'rationale')}` : `Rationale ${i + 1}.`,
        evidenceItemIds: i === 0 ? evidence : [],
      })),
      overallLevel: 'moderate',
      summary: `Assessed: ${w('assessment', 'summary')}`,
    });
    await adviser.post(`/api/assessments/${assessment.id}/finalise`);
    state.finalisedAssessmentId = assessment.id;
    remember(this.fixture, 'assessment', assessment.id, office);

    // Workflow: a closing proposal withdrawn, to alert (justification, approval note), a review.
    await this.proposeAndWithdraw(state, 'closed');
    const toAlert = await lead.post(`/api/cases/${caseId}/escalations`, {
      toStage: 'alert',
      justification: `Escalate: ${w('escalation', 'justification')}`,
    });
    remember(this.fixture, 'escalation', toAlert.id, office);
    await adviser.post(`/api/escalations/${toAlert.id}/approve`, {
      note: `Approved: ${w('escalation', 'approvalNote')}`,
    });
    await lead.post(`/api/cases/${caseId}/reviews`, { note: `Reviewed: ${w('review', 'note')}` });
    await this.editSummary(state, view);

    // Comments: internal (mentioning a writer and the probe members), a reply, an edit, and the
    // Framework Team thread (mentioning its readers on a shared situation).
    const mentionable = office.map((p) => this.person(p).id);
    const internal = await lead.post(`/api/cases/${caseId}/comments`, {
      thread: 'internal',
      body: `Note ${w('comment', 'internalBody')}`,
      mentions: [this.person('adviser1').id, ...mentionable],
    });
    remember(this.fixture, 'comment', internal.id, office);
    const reply = await adviser.post(`/api/cases/${caseId}/comments`, {
      thread: 'internal',
      body: `Reply ${w('comment', 'replyBody')}`,
      parentId: internal.id,
      mentions: [this.person('lead').id],
    });
    remember(this.fixture, 'comment', reply.id, office);
    await lead.patch(`/api/comments/${internal.id}`, {
      body: `Edited ${w('comment', 'editedBody')}`,
      mentions: [this.person('adviser1').id],
    });
    const ftMentions = s.shared
      ? view.filter((p) => PROBES.find((x) => x.name === p)?.roles?.includes('framework_team'))
      : office;
    const ft = await lead.post(`/api/cases/${caseId}/comments`, {
      thread: 'framework_team',
      body: `For the team ${w('comment', 'frameworkTeamBody', view)}`,
      mentions: ftMentions.map((p) => this.person(p).id),
    });
    remember(this.fixture, 'comment', ft.id, view);

    // Documents: one through its whole review (notes, recipient), one left in drafting.
    const transmitted = await this.newDocument(state, 'advice_to_sg');
    await lead.post(`/api/documents/${transmitted}/versions`);
    await lead.post(`/api/documents/${transmitted}/submit`, {
      note: `Ready ${w('document', 'submitNote')}`,
    });
    await adviser.post(`/api/documents/${transmitted}/return`, {
      note: `Redo ${w('document', 'returnNote')}`,
    });
    await lead.post(`/api/documents/${transmitted}/submit`, {
      note: `Again ${w('document', 'resubmitNote')}`,
    });
    await adviser.post(`/api/documents/${transmitted}/approve`, {
      note: `Good ${w('document', 'approveNote')}`,
    });
    await adviser.post(`/api/documents/${transmitted}/transmit`, {
      recipient: `Office ${w('document', 'recipient')}`,
      note: `Sent ${w('document', 'transmitNote')}`,
    });
    state.draftDocumentId = await this.newDocument(state, 'briefing');
    await lead.post(`/api/documents/${state.draftDocumentId}/versions`);

    // Recommendations: one approved (in the Framework Team's view when shared), one declined.
    const approved = await lead.post(`/api/cases/${caseId}/recommendations`, {
      addresseeKind: 'secretary_general',
      addresseeName: `Envoy ${w('recommendation', 'addresseeName', view)}`,
      actionType: 'public_statement',
      text: `Speak out ${w('recommendation', 'text', view)}`,
      dueDate: '2027-01-31',
    });
    remember(this.fixture, 'recommendation', approved.id, office);
    await adviser.post(`/api/recommendations/${approved.id}/approve`, {
      note: `Agreed ${w('recommendation', 'approveNote')}`,
    });
    const declined = await lead.post(`/api/cases/${caseId}/recommendations`, {
      addresseeKind: 'secretary_general',
      addresseeName: `Envoy ${w('recommendation', 'declinedAddresseeName')}`,
      actionType: 'public_statement',
      text: `Do not ${w('recommendation', 'declinedText')}`,
    });
    remember(this.fixture, 'recommendation', declined.id, office);
    await adviser.post(`/api/recommendations/${declined.id}/declined`, {
      note: `No ${w('recommendation', 'declineNote')}`,
    });

    // An engagement with a partner, its follow-up overdue (the worker's job notices).
    const engagement = await lead.post(`/api/cases/${caseId}/engagements`, {
      organisationId: state.partnerId,
      kind: 'meeting',
      date: daysAgo(10),
      summary: `Met ${w('engagement', 'summary')}`,
      outcome: `Agreed ${w('engagement', 'outcome')}`,
      followUpDue: daysAgo(1),
    });
    remember(this.fixture, 'engagement', engagement.id, office);

    // The Framework Team's endorsement of a shared situation (its author reads its own note).
    if (s.shared) {
      const author = 'ft-shared';
      await this.as(author).put(`/api/priority-situations/${caseId}/endorsement`, {
        note: `We support ${this.plant(s, 'endorsement', 'note', [author, ...office])}`,
      });
    }
  }

  private async plantOrphanItem(): Promise<void> {
    // A confidential item on no situation: its author's (and advisers') only.
    const sourceId = await this.newSource(null, []);
    await this.newItem(null, null, sourceId, 'confidential', [], { full: true });
  }

  private async newDocument(state: SituationState, kind: string): Promise<string> {
    const s = state.spec;
    const office = this.officeReaders(s);
    const doc = await this.as('lead').post(`/api/cases/${state.caseId}/documents`, {
      kind,
      title: `Advice ${this.plant(s, 'document', 'title', office)}`,
    });
    remember(this.fixture, 'document', doc.id, office);
    await this.typeText(doc.id, this.plant(s, 'document', 'text', office, doc.id));
    return doc.id;
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

  private async proposeAndWithdraw(state: SituationState, toStage: string): Promise<void> {
    const s = state.spec;
    const office = this.officeReaders(s);
    const proposal = await this.as('lead').post(`/api/cases/${state.caseId}/escalations`, {
      toStage,
      justification: `Close: ${this.plant(s, 'escalation', 'proposalJustification', office)}`,
    });
    remember(this.fixture, 'escalation', proposal.id, office);
    await this.as('lead').post(`/api/escalations/${proposal.id}/withdraw`, {
      note: `Withdrawn: ${this.plant(s, 'escalation', 'withdrawNote', office)}`,
    });
  }

  private async editSummary(state: SituationState, readers: ProbeName[]): Promise<void> {
    const current = await this.as('lead').get<{ version: number }>(`/api/cases/${state.caseId}`);
    await this.as('lead').patch(`/api/cases/${state.caseId}`, {
      version: current.version,
      summary: `Now: ${this.plant(state.spec, 'case', 'summaryEdit', readers)}`,
    });
  }

  /**
   * The writers write again while the probes listen: comments, a summary edit, a review, an item
   * linked to the case, a revised assessment, an escalation, a recommendation, document text.
   * Ends with an internal comment whose event tells the observers that the round arrived.
   */
  async round(phase: string, keys: string[] = [...this.situations.keys()]): Promise<string[]> {
    this.registry.phase = phase;
    const lastComments: string[] = [];
    for (const key of keys) {
      const state = this.situation(key);
      const s = state.spec;
      const office = this.officeReaders(s);
      const view = this.viewReaders(s);
      const lead = this.as('lead');
      const w = (kind: string, field: string, readers: ProbeName[] = office) =>
        this.plant(s, kind, field, readers);
      await this.editSummary(state, view);
      await lead.post(`/api/cases/${state.caseId}/reviews`, {
        note: `Reviewed: ${w('review', 'note')}`,
      });
      await this.newItem(s, state.caseId, state.sourceId, s.classification, this.officeReaders(s));
      if (!state.assessmentDraft) {
        const draft = await lead.post(`/api/assessments/${state.finalisedAssessmentId}/supersede`);
        state.assessmentDraft = { id: draft.id, version: draft.version };
        remember(this.fixture, 'assessment', draft.id, office);
      }
      const revised = await lead.patch(`/api/assessments/${state.assessmentDraft.id}`, {
        version: state.assessmentDraft.version,
        summary: `Revised: ${w('assessment', 'summary')}`,
      });
      state.assessmentDraft.version = revised.version;
      await this.proposeAndWithdraw(state, 'recommendation');
      const rec = await lead.post(`/api/cases/${state.caseId}/recommendations`, {
        addresseeKind: 'secretary_general',
        addresseeName: `Envoy ${w('recommendation', 'addresseeName')}`,
        actionType: 'quiet_diplomacy',
        text: `Call ${w('recommendation', 'text')}`,
      });
      remember(this.fixture, 'recommendation', rec.id, office);
      const text = w('document', 'text');
      await this.typeText(state.draftDocumentId, text);
      this.roundTexts.push(text);
      const ft = await lead.post(`/api/cases/${state.caseId}/comments`, {
        thread: 'framework_team',
        body: `Update ${w('comment', 'frameworkTeamBody', view)}`,
      });
      remember(this.fixture, 'comment', ft.id, view);
      const last = await lead.post(`/api/cases/${state.caseId}/comments`, {
        thread: 'internal',
        body: `Round ${w('comment', 'internalBody')}`,
        mentions: office.filter((p) => !this.cutProbes.has(p)).map((p) => this.person(p).id),
      });
      remember(this.fixture, 'comment', last.id, office);
      lastComments.push(last.id);
    }
    return lastComments;
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

  /** The administrator deactivates the probe that was a member of SC (its socket is open). */
  async deactivate(): Promise<void> {
    for (const spec of PROBES.filter((p) => p.deactivated)) {
      this.sockets.get(spec.name)?.cut();
      this.mailCuts.set(spec.name, this.smtp.messages.length);
      this.cutProbes.add(spec.name);
      await this.http.must(200, 'PATCH', `/api/users/${this.person(spec.name).id}`, {
        token: this.token('admin'),
        body: { active: false },
      });
    }
  }

  /**
   * analyst2 loses CONF: an adviser reclassifies it strictly confidential while analyst2's socket
   * is in its room and its document. Then analyst2 tries to write into the document.
   */
  async loseAccess(): Promise<void> {
    this.registry.phase = 'access-loss';
    for (const spec of PROBES.filter((p) => p.losesAccessTo)) {
      const socket = this.socket(spec.name);
      for (const key of spec.losesAccessTo ?? []) {
        const state = this.situation(key);
        const office = this.officeReaders(state.spec);
        // Their own proposal, decided after they lost the situation ("my proposal decided").
        const proposal = await this.as(spec.name).post(`/api/cases/${state.caseId}/escalations`, {
          toStage: 'recommendation',
          justification: `Mine: ${this.plant(state.spec, 'escalation', 'justification', office)}`,
        });
        remember(this.fixture, 'escalation', proposal.id, office);
        await this.settleOn(
          (r) => r.event === 'case:event' && JSON.stringify(r.args).includes(proposal.id),
        );
        socket.cut();
        this.mailCuts.set(spec.name, this.smtp.messages.length);
        this.cutProbes.add(spec.name);
        await this.reclassify(state, 'strictly_confidential');
        await this.as('adviser1').post(`/api/escalations/${proposal.id}/reject`, {
          note: `Rejected: ${this.plant(state.spec, 'escalation', 'rejectNote', office)}`,
        });
        // Their own edits after the loss must not be stored (nobody may ever read them): one
        // at once, one after the server's notice that the document was taken away (if any).
        const attempt = async (when: string) => {
          const canary = this.registry.word(
            'document',
            `textAfterLoss ${when}`,
            { situation: key, readers: [], recordId: state.draftDocumentId },
            { neverStored: true },
          );
          const answer = await socket.typeInto(state.draftDocumentId, `Mine ${canary.word}`);
          this.lostDocSyncs.push({ when, answer, canary });
        };
        await attempt('at once');
        const notice = await waitFor(
          () =>
            socket.received.find(
              (r) =>
                r.afterCut &&
                ['doc:removed', 'doc:access', 'case:removed', 'disconnect'].includes(r.event),
            ),
          'a notice of the lost access',
          5000,
        ).catch(() => null);
        await attempt(notice ? `after ${notice.event}` : 'after 5 s without a notice');
      }
    }
  }

  /**
   * Raises a situation's classification: as an adviser cleared for both levels (who alone may,
   * once case fields follow rights), else as its lead (who could before).
   */
  private async reclassify(state: SituationState, to: Clearance): Promise<void> {
    for (const who of ['adviser1', 'lead']) {
      const current = await this.as(who).get<{ version: number }>(`/api/cases/${state.caseId}`);
      const res = await this.http.call('PATCH', `/api/cases/${state.caseId}`, {
        token: this.token(who),
        body: { version: current.version, classification: to },
      });
      if (res.status === 200) {
        state.spec = { ...state.spec, classification: to };
        return;
      }
      if (res.status !== 403) throw new Error(`reclassify: ${res.status} ${res.text}`);
    }
    throw new Error('nobody could reclassify the situation');
  }

  /** Waits until the writers' observer received something, then a round trip on every socket. */
  private async settleOn(match: (r: { event: string; args: unknown[] }) => boolean): Promise<void> {
    const observer = this.socket('adviser2');
    await waitFor(() => observer.received.some(match), 'the observer to receive the event', 60_000);
    await Promise.all([...this.sockets.values()].map((s) => s.fence()));
  }

  // ---------------------------------------------------------------- jobs and e-mail

  /** Runs the worker's jobs now (as their schedules would) and waits until every e-mail is out. */
  async runJobsAndMail(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.db.url,
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      const run = async (names: string[]) => {
        await waitFor(
          async () => (await Promise.all(names.map((n) => boss.getQueue(n)))).every(Boolean),
          `the worker's queues ${names.join(', ')}`,
          90_000,
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}\nThe worker printed:\n${this.worker.tail()}`);
        });
        const ids = await Promise.all(names.map((n) => boss.send(n)));
        await waitFor(
          async () => {
            const jobs = await Promise.all(names.map((n, i) => boss.getJobById(n, ids[i] ?? '')));
            const failed = jobs.find((j) => j?.state === 'failed');
            if (failed)
              throw new Error(`job ${failed.name} failed: ${JSON.stringify(failed.output)}`);
            return jobs.every((j) => j?.state === 'completed');
          },
          `the jobs ${names.join(', ')} to complete`,
          60_000,
        );
      };
      await run(['follow-up-overdue', 'review-overdue', 'document-compaction', 'audit-verify']);
      await run(['notification-email', 'notification-digest']);
      await waitFor(
        async () => {
          const { rows } = await testPool().query<{ n: number }>(
            'SELECT count(*)::int AS n FROM notifications WHERE emailed_at IS NULL',
          );
          return rows[0]?.n === 0;
        },
        'every notification e-mailed (or retired)',
        30_000,
      ).catch(() => undefined);
    } finally {
      await boss.stop({ graceful: false }).catch(() => undefined);
    }
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

function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
