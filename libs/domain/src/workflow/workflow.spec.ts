import { describe, expect, it } from '@jest/globals';
import { createActor } from 'xstate';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './config.js';
import type { WorkflowEvent, WorkflowFacts } from './events.js';
import { caseWorkflowMachine } from './machine.js';
import { applyWorkflowEvent, describeWorkflow } from './persistence.js';
import { ACTIVE_STAGES, STAGES, type Stage } from './stages.js';

// docs/architecture.md §7 example by example, through the same entry point the server uses.

/** Facts that satisfy every escalation guard. */
const GOOD: WorkflowFacts = {
  latestFinalisedAssessmentAgeDays: 3,
  openRecommendations: 1,
  transmittedRecommendations: 1,
};
/** Facts that satisfy none. */
const NONE: WorkflowFacts = {
  latestFinalisedAssessmentAgeDays: null,
  openRecommendations: 0,
  transmittedRecommendations: 0,
};

let nextProposal = 0;
const propose = (toStage: Stage, actorId = 'ana', facts = GOOD): WorkflowEvent => ({
  type: 'PROPOSE',
  proposalId: `p${++nextProposal}`,
  toStage,
  actorId,
  facts,
});
const approve = (actorId: string, facts = GOOD): WorkflowEvent => ({
  type: 'APPROVE',
  actorId,
  facts,
});
const close = (actorId = 'ana', facts = GOOD): WorkflowEvent => ({
  type: 'CLOSE',
  proposalId: `p${++nextProposal}`,
  actorId,
  facts,
});

/** Sends events that must all be accepted; returns the final persisted snapshot. */
function run(events: WorkflowEvent[], from: unknown = null, config?: WorkflowConfig): unknown {
  let snapshot = from;
  for (const event of events) {
    const result = applyWorkflowEvent(snapshot, event, config);
    expect({ event: event.type, reason: result.step.reason }).toEqual({
      event: event.type,
      reason: null,
    });
    snapshot = result.snapshot;
  }
  return snapshot;
}

/** Asserts `event` is refused with `reason` and nothing changes. */
function expectRefused(
  snapshot: unknown,
  event: WorkflowEvent,
  reason: string,
  config?: WorkflowConfig,
): void {
  const before = describeWorkflow(snapshot, config);
  const result = applyWorkflowEvent(snapshot, event, config);
  expect(result.step.accepted).toBe(false);
  expect(result.step.reason).toBe(reason);
  expect(result.step.transitioned).toBe(false);
  expect(result.step.after).toEqual(result.step.before);
  if (snapshot !== null) expect(result.snapshot).toBe(snapshot);
  expect(describeWorkflow(result.snapshot, config)).toEqual(before);
}

const atAlert = () => run([propose('alert'), approve('ben')]);
const atRecommendation = () => run([propose('recommendation'), approve('ben')], atAlert());
const atMobilisation = () =>
  run([propose('mobilisation'), approve('ben'), approve('cy')], atRecommendation());
const atClosed = () => run([close(), approve('ben')]);
const snapshotAt: Record<Stage, () => unknown> = {
  monitoring: () => null,
  alert: atAlert,
  recommendation: atRecommendation,
  mobilisation: atMobilisation,
  closed: atClosed,
};

describe('case workflow: start', () => {
  it('starts in monitoring.steady with nothing pending', () => {
    expect(describeWorkflow(null)).toEqual({
      stage: 'monitoring',
      subState: 'steady',
      pending: null,
    });
    const actor = createActor(caseWorkflowMachine, { input: {} }).start();
    expect(actor.getSnapshot().value).toEqual({ monitoring: 'steady' });
    expect(actor.getSnapshot().context).toEqual({
      stage: 'monitoring',
      pending: null,
      config: DEFAULT_WORKFLOW_CONFIG,
    });
    actor.stop();
  });

  it('takes its configuration from input', () => {
    const config: WorkflowConfig = { ...DEFAULT_WORKFLOW_CONFIG, assessmentMaxAgeDays: 10 };
    const actor = createActor(caseWorkflowMachine, { input: { config } }).start();
    expect(actor.getSnapshot().context.config).toBe(config);
    actor.stop();
  });
});

describe('case workflow: escalation', () => {
  it('monitoring → alert with one approval by someone else', () => {
    const proposed = applyWorkflowEvent(null, {
      type: 'PROPOSE',
      proposalId: 'x1',
      toStage: 'alert',
      actorId: 'ana',
      facts: GOOD,
    });
    expect(proposed.step).toEqual({
      accepted: true,
      reason: null,
      before: { stage: 'monitoring', subState: 'steady' },
      after: { stage: 'monitoring', subState: 'pending' },
      transitioned: false,
      pending: {
        proposalId: 'x1',
        fromStage: 'monitoring',
        toStage: 'alert',
        proposerId: 'ana',
        approvals: [],
      },
    });
    const approved = applyWorkflowEvent(proposed.snapshot, approve('ben'));
    expect(approved.step).toEqual({
      accepted: true,
      reason: null,
      before: { stage: 'monitoring', subState: 'pending' },
      after: { stage: 'alert', subState: 'steady' },
      transitioned: true,
      pending: null,
    });
  });

  it('alert → recommendation with one approval', () => {
    const proposed = run([propose('recommendation', 'ana')], atAlert());
    const approved = applyWorkflowEvent(proposed, approve('dee'));
    expect(approved.step.after).toEqual({ stage: 'recommendation', subState: 'steady' });
    expect(approved.step.transitioned).toBe(true);
  });

  it('recommendation → mobilisation needs two distinct approvers, neither the proposer', () => {
    const proposed = run([propose('mobilisation', 'ana')], atRecommendation());
    expectRefused(proposed, approve('ana'), 'You cannot approve your own proposal.');
    const once = applyWorkflowEvent(proposed, approve('ben'));
    expect(once.step).toMatchObject({
      accepted: true,
      transitioned: false,
      after: { stage: 'recommendation', subState: 'pending' },
    });
    expect(once.step.pending?.approvals).toEqual(['ben']);
    expectRefused(once.snapshot, approve('ben'), 'You have already approved this proposal.');
    expectRefused(once.snapshot, approve('ana'), 'You cannot approve your own proposal.');
    const twice = applyWorkflowEvent(once.snapshot, approve('cy'));
    expect(twice.step).toMatchObject({
      accepted: true,
      transitioned: true,
      after: { stage: 'mobilisation', subState: 'steady' },
      pending: null,
    });
  });

  it('refuses to skip a stage upwards', () => {
    expectRefused(
      null,
      propose('recommendation'),
      'Cannot skip a stage: from monitoring the next stage up is alert.',
    );
    expectRefused(
      null,
      propose('mobilisation'),
      'Cannot skip a stage: from monitoring the next stage up is alert.',
    );
    expectRefused(
      atAlert(),
      propose('mobilisation'),
      'Cannot skip a stage: from alert the next stage up is recommendation.',
    );
  });

  it('refuses a proposal to the current stage, an unknown stage, or while another is pending', () => {
    expectRefused(null, propose('monitoring'), 'The case is already in monitoring.');
    expectRefused(
      atMobilisation(),
      propose('mobilisation'),
      'The case is already in mobilisation.',
    );
    expectRefused(null, propose('emergency' as Stage), 'Unknown stage: emergency.');
    const pending = run([propose('alert')]);
    expectRefused(pending, propose('alert', 'ben'), 'A proposal is already pending on this case.');
    expectRefused(pending, close('ben'), 'A proposal is already pending on this case.');
  });
});

describe('case workflow: fact guards', () => {
  const ALERT = 'Escalation to alert needs a finalised risk assessment less than 30 days old.';
  const RECOMMENDATION =
    'Escalation to recommendation needs at least one recommendation that is not declined.';
  const MOBILISATION = 'Escalation to mobilisation needs at least one transmitted recommendation.';

  it('alert needs a finalised assessment less than 30 days old, at proposal', () => {
    expectRefused(null, propose('alert', 'ana', NONE), ALERT);
    expectRefused(
      null,
      propose('alert', 'ana', { ...GOOD, latestFinalisedAssessmentAgeDays: 30 }),
      ALERT,
    );
    expectRefused(
      null,
      propose('alert', 'ana', { ...GOOD, latestFinalisedAssessmentAgeDays: 45 }),
      ALERT,
    );
    run([propose('alert', 'ana', { ...NONE, latestFinalisedAssessmentAgeDays: 29.5 })]);
  });

  it('alert is checked again at the final approval', () => {
    const pending = run([propose('alert')]);
    expectRefused(
      pending,
      approve('ben', { ...GOOD, latestFinalisedAssessmentAgeDays: 31 }),
      ALERT,
    );
    expectRefused(pending, approve('ben', NONE), ALERT);
    expect(applyWorkflowEvent(pending, approve('ben')).step.after.stage).toBe('alert');
  });

  it('recommendation needs a recommendation that is not declined, at proposal and at final approval', () => {
    expectRefused(
      atAlert(),
      propose('recommendation', 'ana', { ...GOOD, openRecommendations: 0 }),
      RECOMMENDATION,
    );
    const pending = run([propose('recommendation')], atAlert());
    expectRefused(pending, approve('ben', { ...GOOD, openRecommendations: 0 }), RECOMMENDATION);
    expect(applyWorkflowEvent(pending, approve('ben')).step.after.stage).toBe('recommendation');
  });

  it('mobilisation needs a transmitted recommendation, at proposal and at the last of two approvals', () => {
    const noneTransmitted = { ...GOOD, transmittedRecommendations: 0 };
    expectRefused(
      atRecommendation(),
      propose('mobilisation', 'ana', noneTransmitted),
      MOBILISATION,
    );
    const pending = run([propose('mobilisation')], atRecommendation());
    // The first approval does not move the case, so the facts are not checked yet.
    const once = run([approve('ben', noneTransmitted)], pending);
    expectRefused(once, approve('cy', noneTransmitted), MOBILISATION);
    expect(applyWorkflowEvent(once, approve('cy')).step.after.stage).toBe('mobilisation');
  });

  it('uses the configured maximum assessment age', () => {
    const config: WorkflowConfig = { ...DEFAULT_WORKFLOW_CONFIG, assessmentMaxAgeDays: 7 };
    expectRefused(
      null,
      propose('alert', 'ana', { ...GOOD, latestFinalisedAssessmentAgeDays: 8 }),
      'Escalation to alert needs a finalised risk assessment less than 7 days old.',
      config,
    );
  });
});

describe('case workflow: de-escalation and closing', () => {
  it('de-escalates to any lower stage with one approval and no fact guard', () => {
    for (const from of ['alert', 'recommendation', 'mobilisation'] as const) {
      for (const to of ACTIVE_STAGES.slice(0, ACTIVE_STAGES.indexOf(from))) {
        const pending = run([propose(to, 'ana', NONE)], snapshotAt[from]());
        const done = applyWorkflowEvent(pending, approve('ben', NONE));
        expect(done.step).toMatchObject({
          accepted: true,
          transitioned: true,
          before: { stage: from },
          after: { stage: to, subState: 'steady' },
        });
      }
    }
  });

  it('closes only from monitoring, by CLOSE or by PROPOSE to closed, with one approval', () => {
    const byClose = run([close('ana', NONE)]);
    expect(describeWorkflow(byClose).pending).toMatchObject({
      fromStage: 'monitoring',
      toStage: 'closed',
      proposerId: 'ana',
    });
    expectRefused(byClose, approve('ana'), 'You cannot approve your own proposal.');
    expect(applyWorkflowEvent(byClose, approve('ben', NONE)).step).toMatchObject({
      transitioned: true,
      after: { stage: 'closed' },
    });
    const byPropose = run([propose('closed'), approve('ben')]);
    expect(describeWorkflow(byPropose)).toEqual({
      stage: 'closed',
      subState: 'steady',
      pending: null,
    });
    for (const stage of ['alert', 'recommendation', 'mobilisation'] as const) {
      expectRefused(snapshotAt[stage](), close(), 'A case can be closed only from monitoring.');
      expectRefused(
        snapshotAt[stage](),
        propose('closed'),
        'A case can be closed only from monitoring.',
      );
    }
  });

  it('refuses everything on a closed case but REOPEN, which needs no approval', () => {
    const closed = atClosed();
    const refused: WorkflowEvent[] = [
      ...STAGES.map((stage) => propose(stage)),
      close(),
      approve('ben'),
      { type: 'REJECT', actorId: 'ben' },
      { type: 'WITHDRAW', actorId: 'ana' },
      { type: 'RECORD_REVIEW', actorId: 'ana' },
    ];
    for (const event of refused) expectRefused(closed, event, 'The case is closed.');
    const reopened = applyWorkflowEvent(closed, { type: 'REOPEN', actorId: 'ana' });
    expect(reopened.step).toEqual({
      accepted: true,
      reason: null,
      before: { stage: 'closed', subState: 'steady' },
      after: { stage: 'monitoring', subState: 'steady' },
      transitioned: true,
      pending: null,
    });
    for (const stage of ACTIVE_STAGES) {
      expectRefused(
        snapshotAt[stage](),
        { type: 'REOPEN', actorId: 'ana' },
        'Only a closed case can be reopened.',
      );
    }
  });
});

describe('case workflow: reject, withdraw, review', () => {
  it('REJECT by anyone but the proposer drops the proposal and its approvals', () => {
    const once = run([propose('mobilisation', 'ana'), approve('ben')], atRecommendation());
    expectRefused(
      once,
      { type: 'REJECT', actorId: 'ana' },
      'You cannot reject your own proposal; withdraw it instead.',
    );
    const rejected = applyWorkflowEvent(once, { type: 'REJECT', actorId: 'cy' });
    expect(rejected.step).toMatchObject({
      accepted: true,
      transitioned: false,
      after: { stage: 'recommendation', subState: 'steady' },
      pending: null,
    });
    const again = run([propose('mobilisation', 'ana')], rejected.snapshot);
    expect(describeWorkflow(again).pending?.approvals).toEqual([]);
  });

  it('WITHDRAW only by the proposer', () => {
    const pending = run([propose('alert', 'ana')]);
    expectRefused(
      pending,
      { type: 'WITHDRAW', actorId: 'ben' },
      'Only the proposer can withdraw a proposal.',
    );
    const withdrawn = applyWorkflowEvent(pending, { type: 'WITHDRAW', actorId: 'ana' });
    expect(withdrawn.step).toMatchObject({
      accepted: true,
      after: { stage: 'monitoring', subState: 'steady' },
      pending: null,
    });
  });

  it('APPROVE, REJECT and WITHDRAW need a pending proposal', () => {
    for (const stage of ACTIVE_STAGES) {
      const snapshot = snapshotAt[stage]();
      expectRefused(snapshot, approve('ben'), 'There is no pending proposal.');
      expectRefused(snapshot, { type: 'REJECT', actorId: 'ben' }, 'There is no pending proposal.');
      expectRefused(
        snapshot,
        { type: 'WITHDRAW', actorId: 'ana' },
        'There is no pending proposal.',
      );
    }
  });

  it('RECORD_REVIEW is accepted in every open state and changes nothing', () => {
    for (const stage of ACTIVE_STAGES) {
      const steady = snapshotAt[stage]();
      const pending = run([stage === 'monitoring' ? close() : propose('monitoring')], steady);
      for (const snapshot of [steady, pending]) {
        const before = describeWorkflow(snapshot);
        const reviewed = applyWorkflowEvent(snapshot, { type: 'RECORD_REVIEW', actorId: 'dee' });
        expect(reviewed.step).toMatchObject({
          accepted: true,
          reason: null,
          transitioned: false,
          pending: before.pending,
        });
        expect(reviewed.step.after).toEqual(reviewed.step.before);
        expect(describeWorkflow(reviewed.snapshot)).toEqual(before);
      }
    }
  });
});
