import { RABAT_PARTS, type Clearance } from '@vigil/domain';
import type { ProbeName } from './canaries.js';
import { remember } from './fixture.js';
import { officeReaders, type SituationSpec } from './probes.js';
import type { CanaryWorld, SituationState } from './world.js';

/** Writing one record (or one step of its workflow) with a canary in each of its text fields. */

/** A source with canaries in its name and contact notes; its id is a canary too. */
export async function newSource(
  world: CanaryWorld,
  s: SituationSpec | null,
  readers: ProbeName[],
): Promise<string> {
  const name = world.plant(s, 'source', 'name', readers);
  const contact = world.plant(s, 'source', 'contactNotes', readers);
  const source = await world.as('lead').post('/api/sources', {
    name: `Informant ${name}`,
    kind: 'individual',
    reliability: 'B',
    contactNotes: `Call through ${contact} only.`,
  });
  remember(world.fixture, 'source', source.id, readers);
  // A source's id is its identity's handle: only its readers may see it (the audit's entityId
  // names the record, which the administrator may see).
  // A log names records by id (request URLs): the logs are checked for words and secrets.
  world.registry.id(
    'source',
    source.id,
    { situation: s?.key ?? null, readers },
    /^audit\|\$\.items\[\d+\]\.entityId$|^logs\|/,
  );
  return source.id;
}

/** An information item with canaries in its fields, optionally a speech assessment, an attachment. */
export async function newItem(
  world: CanaryWorld,
  s: SituationSpec | null,
  caseId: string | null,
  sourceId: string,
  classification: Clearance,
  readers: ProbeName[],
  options: { speech?: boolean; attachment?: boolean; full?: boolean } = {},
): Promise<string> {
  const field = (name: string) => world.plant(s, 'item', name, readers);
  const item = await world.as('lead').post('/api/information-items', {
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
  remember(world.fixture, 'item', item.id, readers);
  if (options.full) world.fixture.indicatorIds.add('7.14');
  if (options.speech) {
    const speech = (name: string) => world.plant(s, 'speechAssessment', name, readers);
    const note = speech('partNote');
    await world.as('lead').put(`/api/information-items/${item.id}/speech-assessment`, {
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
    const fileName = world.plant(s, 'attachment', 'fileName', readers);
    const content = world.plant(s, 'attachment', 'content', readers);
    const attachment = await world.http.must<{ id: string }>(
      201,
      'POST',
      `/api/information-items/${item.id}/attachments`,
      {
        token: world.token('lead'),
        file: {
          name: `${fileName}.txt`,
          type: 'text/plain',
          content: Buffer.from(`Witness notes: ${content}\n`),
        },
      },
    );
    remember(world.fixture, 'attachment', attachment.id, readers);
  }
  return item.id;
}

/** A document with a canary in its title, and one typed into its text. */
export async function newDocument(
  world: CanaryWorld,
  state: SituationState,
  kind: string,
): Promise<string> {
  const s = state.spec;
  const office = officeReaders(s);
  const doc = await world.as('lead').post(`/api/cases/${state.caseId}/documents`, {
    kind,
    title: `Advice ${world.plant(s, 'document', 'title', office)}`,
  });
  remember(world.fixture, 'document', doc.id, office);
  await world.typeText(doc.id, world.plant(s, 'document', 'text', office, doc.id));
  return doc.id;
}

/** An escalation proposed and withdrawn, a canary in its justification and note. */
export async function proposeAndWithdraw(
  world: CanaryWorld,
  state: SituationState,
  toStage: string,
): Promise<void> {
  const s = state.spec;
  const office = officeReaders(s);
  const proposal = await world.as('lead').post(`/api/cases/${state.caseId}/escalations`, {
    toStage,
    justification: `Close: ${world.plant(s, 'escalation', 'proposalJustification', office)}`,
  });
  remember(world.fixture, 'escalation', proposal.id, office);
  await world.as('lead').post(`/api/escalations/${proposal.id}/withdraw`, {
    note: `Withdrawn: ${world.plant(s, 'escalation', 'withdrawNote', office)}`,
  });
}

/** The lead edits the situation's summary, with a new canary. */
export async function editSummary(
  world: CanaryWorld,
  state: SituationState,
  readers: ProbeName[],
): Promise<void> {
  const current = await world.as('lead').get<{ version: number }>(`/api/cases/${state.caseId}`);
  await world.as('lead').patch(`/api/cases/${state.caseId}`, {
    version: current.version,
    summary: `Now: ${world.plant(state.spec, 'case', 'summaryEdit', readers)}`,
  });
}
