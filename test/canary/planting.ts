import { buildOrganisation } from '../support/factories.js';
import type { ProbeName } from './canaries.js';
import { remember } from './fixture.js';
import { memberProbes, officeReaders, PROBES, SITUATIONS, viewReaders } from './probes.js';
import { editSummary, newDocument, newItem, newSource, proposeAndWithdraw } from './records.js';
import type { CanaryWorld, SituationState } from './world.js';

/**
 * Opening the situations and planting a canary in every text field of every kind of record of
 * each: sources, items, assessments, escalations, reviews, comments, documents, recommendations,
 * engagements, endorsements; and an item on no situation. `rounds.ts` writes more later.
 */

/** Creates every situation with its members, and shares SHARED. */
export async function openSituations(world: CanaryWorld): Promise<void> {
  world.registry.phase = 'setup';
  const lead = world.as('lead');
  for (const s of SITUATIONS) {
    const view = viewReaders(s);
    const title = world.plant(s, 'case', 'title', view);
    const summary = world.plant(s, 'case', 'summary', view);
    const created = await lead.post('/api/cases', {
      title: `Situation ${title}`,
      country: s.country,
      summary: `Reports of attacks. ${summary}`,
      classification: s.classification,
    });
    remember(world.fixture, 'case', created.id, officeReaders(s));
    // Its reference names the situation (notifications and e-mail carry it): its readers only.
    // The audit and the logs name records, which their readers may see.
    world.registry.id(
      'case',
      (created as unknown as { reference: string }).reference,
      { situation: s.key, readers: view },
      /^(audit|logs)\|/,
    );
    world.fixture.countries.add(s.country);
    for (const probe of memberProbes(s.key)) {
      await lead.post(`/api/cases/${created.id}/members`, {
        userId: world.person(probe.name).id,
        role: 'analyst',
      });
    }
    if (s.shared)
      await world.as('adviser1').post(`/api/cases/${created.id}/priority`, { shared: true });
    const partner = await buildOrganisation({ kind: 'regional_org' });
    remember(world.fixture, 'organisation', partner.id);
    world.situations.set(s.key, {
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
export async function plantEverything(world: CanaryWorld): Promise<void> {
  world.registry.phase = 'setup';
  for (const state of world.situations.values()) await plantSituation(world, state);
  await plantOrphanItem(world);
}

/** Every kind of record of one situation, with a canary in each text field. */
async function plantSituation(world: CanaryWorld, state: SituationState): Promise<void> {
  const s = state.spec;
  const office = officeReaders(s);
  const view = viewReaders(s);
  const lead = world.as('lead');
  const adviser = world.as('adviser1');
  const caseId = state.caseId;
  const w = (kind: string, field: string, readers: ProbeName[] = office) =>
    world.plant(s, kind, field, readers);

  // Sources and items: one at the situation's level; for CONF one strictly confidential too,
  // citing a source that only it cites.
  const itemReaders = officeReaders(s, s.classification);
  state.sourceId = await newSource(world, s, itemReaders);
  const itemId = await newItem(world, s, caseId, state.sourceId, s.classification, itemReaders, {
    speech: true,
    attachment: true,
    full: true,
  });
  const evidence = [itemId];
  if (s.secretItem) {
    const secretReaders = officeReaders(s, 'strictly_confidential');
    const secretSource = await newSource(world, s, secretReaders);
    evidence.push(
      await newItem(world, s, caseId, secretSource, 'strictly_confidential', secretReaders, {
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
  remember(world.fixture, 'assessment', assessment.id, office);

  // Workflow: a closing proposal withdrawn, to alert (justification, approval note), a review.
  await proposeAndWithdraw(world, state, 'closed');
  const toAlert = await lead.post(`/api/cases/${caseId}/escalations`, {
    toStage: 'alert',
    justification: `Escalate: ${w('escalation', 'justification')}`,
  });
  remember(world.fixture, 'escalation', toAlert.id, office);
  await adviser.post(`/api/escalations/${toAlert.id}/approve`, {
    note: `Approved: ${w('escalation', 'approvalNote')}`,
  });
  await lead.post(`/api/cases/${caseId}/reviews`, { note: `Reviewed: ${w('review', 'note')}` });
  await editSummary(world, state, view);

  // Comments: internal (mentioning a writer and the probe members), a reply, an edit, and the
  // Framework Team thread (mentioning its readers on a shared situation).
  const mentionable = office.map((p) => world.person(p).id);
  const internal = await lead.post(`/api/cases/${caseId}/comments`, {
    thread: 'internal',
    body: `Note ${w('comment', 'internalBody')}`,
    mentions: [world.person('adviser1').id, ...mentionable],
  });
  remember(world.fixture, 'comment', internal.id, office);
  const reply = await adviser.post(`/api/cases/${caseId}/comments`, {
    thread: 'internal',
    body: `Reply ${w('comment', 'replyBody')}`,
    parentId: internal.id,
    mentions: [world.person('lead').id],
  });
  remember(world.fixture, 'comment', reply.id, office);
  await lead.patch(`/api/comments/${internal.id}`, {
    body: `Edited ${w('comment', 'editedBody')}`,
    mentions: [world.person('adviser1').id],
  });
  const ftMentions = s.shared
    ? view.filter((p) => PROBES.find((x) => x.name === p)?.roles?.includes('framework_team'))
    : office;
  const ft = await lead.post(`/api/cases/${caseId}/comments`, {
    thread: 'framework_team',
    body: `For the team ${w('comment', 'frameworkTeamBody', view)}`,
    mentions: ftMentions.map((p) => world.person(p).id),
  });
  remember(world.fixture, 'comment', ft.id, view);

  // Documents: one through its whole review (notes, recipient), one left in drafting.
  const transmitted = await newDocument(world, state, 'advice_to_sg');
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
  state.draftDocumentId = await newDocument(world, state, 'briefing');
  await lead.post(`/api/documents/${state.draftDocumentId}/versions`);

  // Recommendations: one approved (in the Framework Team's view when shared), one declined.
  const approved = await lead.post(`/api/cases/${caseId}/recommendations`, {
    addresseeKind: 'secretary_general',
    addresseeName: `Envoy ${w('recommendation', 'addresseeName', view)}`,
    actionType: 'public_statement',
    text: `Speak out ${w('recommendation', 'text', view)}`,
    dueDate: '2027-01-31',
  });
  remember(world.fixture, 'recommendation', approved.id, office);
  await adviser.post(`/api/recommendations/${approved.id}/approve`, {
    note: `Agreed ${w('recommendation', 'approveNote')}`,
  });
  const declined = await lead.post(`/api/cases/${caseId}/recommendations`, {
    addresseeKind: 'secretary_general',
    addresseeName: `Envoy ${w('recommendation', 'declinedAddresseeName')}`,
    actionType: 'public_statement',
    text: `Do not ${w('recommendation', 'declinedText')}`,
  });
  remember(world.fixture, 'recommendation', declined.id, office);
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
  remember(world.fixture, 'engagement', engagement.id, office);

  // The Framework Team's endorsement of a shared situation (its author reads its own note).
  if (s.shared) {
    const author = 'ft-shared';
    await world.as(author).put(`/api/priority-situations/${caseId}/endorsement`, {
      note: `We support ${world.plant(s, 'endorsement', 'note', [author, ...office])}`,
    });
  }
}

/** A confidential item (and its source) on no situation. */
async function plantOrphanItem(world: CanaryWorld): Promise<void> {
  // A confidential item on no situation: its author's (and advisers') only.
  const sourceId = await newSource(world, null, []);
  await newItem(world, null, null, sourceId, 'confidential', [], { full: true });
}

/** The date `n` days ago, as YYYY-MM-DD. */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}
