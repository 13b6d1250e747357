import type { ProbeName } from './canaries.js';
import { remember } from './fixture.js';
import { officeReaders, viewReaders } from './probes.js';
import { editSummary, newItem, proposeAndWithdraw } from './records.js';
import type { CanaryWorld } from './world.js';

/**
 * The writers write again while the probes listen: comments, a summary edit, a review, an item
 * linked to the case, a revised assessment, an escalation, a recommendation, document text.
 * Ends with an internal comment whose event tells the observers that the round arrived.
 */
export async function round(
  world: CanaryWorld,
  phase: string,
  keys: string[] = [...world.situations.keys()],
): Promise<string[]> {
  world.registry.phase = phase;
  const lastComments: string[] = [];
  for (const key of keys) {
    const state = world.situation(key);
    const s = state.spec;
    const office = officeReaders(s);
    const view = viewReaders(s);
    const lead = world.as('lead');
    const w = (kind: string, field: string, readers: ProbeName[] = office) =>
      world.plant(s, kind, field, readers);
    await editSummary(world, state, view);
    await lead.post(`/api/cases/${state.caseId}/reviews`, {
      note: `Reviewed: ${w('review', 'note')}`,
    });
    await newItem(world, s, state.caseId, state.sourceId, s.classification, officeReaders(s));
    if (!state.assessmentDraft) {
      const draft = await lead.post(`/api/assessments/${state.finalisedAssessmentId}/supersede`);
      state.assessmentDraft = { id: draft.id, version: draft.version };
      remember(world.fixture, 'assessment', draft.id, office);
    }
    const revised = await lead.patch(`/api/assessments/${state.assessmentDraft.id}`, {
      version: state.assessmentDraft.version,
      summary: `Revised: ${w('assessment', 'summary')}`,
    });
    state.assessmentDraft.version = revised.version;
    await proposeAndWithdraw(world, state, 'recommendation');
    const rec = await lead.post(`/api/cases/${state.caseId}/recommendations`, {
      addresseeKind: 'secretary_general',
      addresseeName: `Envoy ${w('recommendation', 'addresseeName')}`,
      actionType: 'quiet_diplomacy',
      text: `Call ${w('recommendation', 'text')}`,
    });
    remember(world.fixture, 'recommendation', rec.id, office);
    const text = w('document', 'text');
    await world.typeText(state.draftDocumentId, text);
    world.roundTexts.push(text);
    const ft = await lead.post(`/api/cases/${state.caseId}/comments`, {
      thread: 'framework_team',
      body: `Update ${w('comment', 'frameworkTeamBody', view)}`,
    });
    remember(world.fixture, 'comment', ft.id, view);
    const last = await lead.post(`/api/cases/${state.caseId}/comments`, {
      thread: 'internal',
      body: `Round ${w('comment', 'internalBody')}`,
      mentions: office.filter((p) => !world.cutProbes.has(p)).map((p) => world.person(p).id),
    });
    remember(world.fixture, 'comment', last.id, office);
    lastComments.push(last.id);
  }
  return lastComments;
}
