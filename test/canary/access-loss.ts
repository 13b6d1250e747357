import type { Clearance } from '@vigil/domain';
import { remember } from './fixture.js';
import { waitFor } from './http.js';
import { officeReaders, PROBES } from './probes.js';
import type { CanaryWorld, SituationState } from './world.js';

/**
 * The probes' cuts, with their sockets open: the administrator deactivates one, another loses a
 * situation when it is reclassified above its clearance (and then tries to write into it).
 */

/** The administrator deactivates the probe that was a member of SC (its socket is open). */
export async function deactivate(world: CanaryWorld): Promise<void> {
  for (const spec of PROBES.filter((p) => p.deactivated)) {
    world.sockets.get(spec.name)?.cut();
    world.mailCuts.set(spec.name, world.smtp.messages.length);
    world.cutProbes.add(spec.name);
    await world.http.must(200, 'PATCH', `/api/users/${world.person(spec.name).id}`, {
      token: world.token('admin'),
      body: { active: false },
    });
  }
}

/**
 * analyst2 loses CONF: an adviser reclassifies it strictly confidential while analyst2's socket
 * is in its room and its document. Then analyst2 tries to write into the document.
 */
export async function loseAccess(world: CanaryWorld): Promise<void> {
  world.registry.phase = 'access-loss';
  for (const spec of PROBES.filter((p) => p.losesAccessTo)) {
    const socket = world.socket(spec.name);
    for (const key of spec.losesAccessTo ?? []) {
      const state = world.situation(key);
      const office = officeReaders(state.spec);
      // Their own proposal, decided after they lost the situation ("my proposal decided").
      const proposal = await world.as(spec.name).post(`/api/cases/${state.caseId}/escalations`, {
        toStage: 'recommendation',
        justification: `Mine: ${world.plant(state.spec, 'escalation', 'justification', office)}`,
      });
      remember(world.fixture, 'escalation', proposal.id, office);
      await world.settleOn(
        (r) => r.event === 'case:event' && JSON.stringify(r.args).includes(proposal.id),
      );
      socket.cut();
      world.mailCuts.set(spec.name, world.smtp.messages.length);
      world.cutProbes.add(spec.name);
      await reclassify(world, state, 'strictly_confidential');
      await world.as('adviser1').post(`/api/escalations/${proposal.id}/reject`, {
        note: `Rejected: ${world.plant(state.spec, 'escalation', 'rejectNote', office)}`,
      });
      // Their own edits after the loss must not be stored (nobody may ever read them): one
      // at once, one after the server's notice that the document was taken away (if any).
      const attempt = async (when: string) => {
        const canary = world.registry.word(
          'document',
          `textAfterLoss ${when}`,
          { situation: key, readers: [], recordId: state.draftDocumentId },
          { neverStored: true },
        );
        const answer = await socket.typeInto(state.draftDocumentId, `Mine ${canary.word}`);
        world.lostDocSyncs.push({ when, answer, canary });
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
async function reclassify(world: CanaryWorld, state: SituationState, to: Clearance): Promise<void> {
  for (const who of ['adviser1', 'lead']) {
    const current = await world.as(who).get<{ version: number }>(`/api/cases/${state.caseId}`);
    const res = await world.http.call('PATCH', `/api/cases/${state.caseId}`, {
      token: world.token(who),
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
