import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from './config.js';
import type { WorkflowContext, WorkflowEvent, WorkflowFacts } from './events.js';
import {
  acceptedEventTypes,
  applyWorkflowEvent,
  describeWorkflow,
  proposableStages,
} from './persistence.js';
import { approvalsRequired, refusalReason, reviewIntervalDays } from './rules.js';
import type { Stage } from './stages.js';

const GOOD: WorkflowFacts = {
  latestFinalisedAssessmentAgeDays: 3,
  openRecommendations: 1,
  transmittedRecommendations: 1,
};
const NONE: WorkflowFacts = {
  latestFinalisedAssessmentAgeDays: null,
  openRecommendations: 0,
  transmittedRecommendations: 0,
};

function run(events: WorkflowEvent[], from: unknown = null, config?: WorkflowConfig): unknown {
  return events.reduce<unknown>((snapshot, event) => {
    const { step, snapshot: next } = applyWorkflowEvent(snapshot, event, config);
    expect(step.reason).toBeNull();
    return next;
  }, from);
}

const propose = (toStage: Stage, actorId = 'ana', facts = GOOD): WorkflowEvent => ({
  type: 'PROPOSE',
  proposalId: `to-${toStage}`,
  toStage,
  actorId,
  facts,
});
const approve = (actorId: string, facts = GOOD): WorkflowEvent => ({
  type: 'APPROVE',
  actorId,
  facts,
});

describe('persisted snapshots', () => {
  it('are plain JSON that survives a round trip at every step', () => {
    const events = [
      propose('alert'),
      approve('ben'),
      propose('recommendation'),
      approve('cy'),
      propose('mobilisation'),
      approve('ben'),
    ];
    let snapshot: unknown = null;
    for (const event of events) {
      snapshot = applyWorkflowEvent(snapshot, event).snapshot;
      const text = JSON.stringify(snapshot);
      const copy: unknown = JSON.parse(text);
      expect(copy).toEqual(snapshot);
      expect(JSON.stringify(copy)).toBe(text);
      expect(describeWorkflow(copy)).toEqual(describeWorkflow(snapshot));
      snapshot = copy;
    }
    expect(describeWorkflow(snapshot)).toEqual({
      stage: 'recommendation',
      subState: 'pending',
      pending: {
        proposalId: 'to-mobilisation',
        fromStage: 'recommendation',
        toStage: 'mobilisation',
        proposerId: 'ana',
        approvals: ['ben'],
      },
    });
    expect(applyWorkflowEvent(snapshot, approve('dee')).step.after).toEqual({
      stage: 'mobilisation',
      subState: 'steady',
    });
  });

  it('take the configuration passed on restore, not the one stored', () => {
    const pending = run([propose('alert')]);
    const strict: WorkflowConfig = {
      ...DEFAULT_WORKFLOW_CONFIG,
      approvalsRequired: { ...DEFAULT_WORKFLOW_CONFIG.approvalsRequired, alert: 2 },
    };
    const once = applyWorkflowEvent(pending, approve('ben'), strict);
    expect(once.step).toMatchObject({
      accepted: true,
      transitioned: false,
      pending: { approvals: ['ben'] },
    });
    expect((once.snapshot as { context: { config: WorkflowConfig } }).context.config).toEqual(
      strict,
    );
    // Back to the default (1 needed): the next approval completes the proposal.
    expect(applyWorkflowEvent(once.snapshot, approve('cy')).step.after.stage).toBe('alert');
  });

  it('a refused event on a new case returns a fresh snapshot', () => {
    const { step, snapshot } = applyWorkflowEvent(null, approve('ben'));
    expect(step).toMatchObject({ accepted: false, reason: 'There is no pending proposal.' });
    expect(describeWorkflow(snapshot)).toEqual({
      stage: 'monitoring',
      subState: 'steady',
      pending: null,
    });
  });

  it('refuse to restore a corrupt snapshot', () => {
    const good = run([propose('alert')]) as { value: unknown; context: Record<string, unknown> };
    expect(() => describeWorkflow('nonsense')).toThrow('Invalid workflow snapshot: not an object.');
    expect(() => describeWorkflow({ ...good, value: { panic: 'steady' } })).toThrow(
      'Invalid workflow snapshot: unknown state',
    );
    expect(() => describeWorkflow({ ...good, value: { alert: 'pending' } })).toThrow(
      'the context stage differs',
    );
    expect(() =>
      describeWorkflow({ ...good, context: { ...good.context, pending: null } }),
    ).toThrow('the pending proposal does not match');
    expect(() => describeWorkflow({ ...good, status: 'done' })).toThrow('status is done');
  });
});

describe('invalid events', () => {
  const context: WorkflowContext = {
    stage: 'monitoring',
    pending: null,
    config: DEFAULT_WORKFLOW_CONFIG,
  };
  const cases: [unknown, string][] = [
    [{ type: 'NUDGE', actorId: 'ana' }, 'Unknown event: NUDGE.'],
    [{ type: 'RECORD_REVIEW' }, 'The event names no actor.'],
    [{ type: 'RECORD_REVIEW', actorId: '  ' }, 'The event names no actor.'],
    [{ type: 'PROPOSE', toStage: 'alert', actorId: 'ana', facts: GOOD }, 'The proposal has no id.'],
    [
      { type: 'PROPOSE', proposalId: 'p', toStage: 'alert', actorId: 'ana' },
      'The facts about the case are missing or malformed.',
    ],
    [
      {
        type: 'PROPOSE',
        proposalId: 'p',
        toStage: 'alert',
        actorId: 'ana',
        facts: { ...GOOD, openRecommendations: -1 },
      },
      'The facts about the case are missing or malformed.',
    ],
    [
      { type: 'PROPOSE', proposalId: 'p', toStage: 7, actorId: 'ana', facts: GOOD },
      'Unknown stage: 7.',
    ],
    [
      {
        type: 'CLOSE',
        proposalId: 'p',
        actorId: 'ana',
        facts: { latestFinalisedAssessmentAgeDays: 'new' },
      },
      'The facts about the case are missing or malformed.',
    ],
  ];
  it.each(cases)('%j is refused: %s', (event, reason) => {
    expect(refusalReason(context, event as WorkflowEvent)).toBe(reason);
    const result = applyWorkflowEvent(null, event as WorkflowEvent);
    expect(result.step).toMatchObject({ accepted: false, reason, transitioned: false });
  });

  it('APPROVE without facts is refused', () => {
    const pending = run([propose('alert')]);
    const result = applyWorkflowEvent(pending, {
      type: 'APPROVE',
      actorId: 'ben',
    } as WorkflowEvent);
    expect(result.step.reason).toBe('The facts about the case are missing or malformed.');
  });
});

describe('what may be sent now', () => {
  it('on a steady case: PROPOSE to the next stage up, CLOSE from monitoring, RECORD_REVIEW', () => {
    expect(acceptedEventTypes(null, 'ana', GOOD)).toEqual(['PROPOSE', 'RECORD_REVIEW', 'CLOSE']);
    expect(proposableStages(null, 'ana', GOOD)).toEqual(['alert', 'closed']);
    expect(proposableStages(null, 'ana', NONE)).toEqual(['closed']);
    const recommendation = run([
      propose('alert'),
      approve('ben'),
      propose('recommendation'),
      approve('ben'),
    ]);
    expect(proposableStages(recommendation, 'ana', GOOD)).toEqual([
      'monitoring',
      'alert',
      'mobilisation',
    ]);
    expect(proposableStages(recommendation, 'ana', NONE)).toEqual(['monitoring', 'alert']);
    expect(acceptedEventTypes(recommendation, 'ana', NONE)).toEqual(['PROPOSE', 'RECORD_REVIEW']);
  });

  it('on a pending case: the proposer may withdraw, others may approve or reject', () => {
    const pending = run([propose('alert', 'ana')]);
    expect(acceptedEventTypes(pending, 'ana', GOOD)).toEqual(['WITHDRAW', 'RECORD_REVIEW']);
    expect(acceptedEventTypes(pending, 'ben', GOOD)).toEqual([
      'APPROVE',
      'REJECT',
      'RECORD_REVIEW',
    ]);
    // The final approval would fail its fact guard.
    expect(acceptedEventTypes(pending, 'ben', NONE)).toEqual(['REJECT', 'RECORD_REVIEW']);
    expect(proposableStages(pending, 'ben', GOOD)).toEqual([]);
  });

  it('on a closed case: only REOPEN', () => {
    const closed = run([
      { type: 'CLOSE', proposalId: 'c', actorId: 'ana', facts: NONE },
      approve('ben'),
    ]);
    expect(acceptedEventTypes(closed, 'ana', GOOD)).toEqual(['REOPEN']);
    expect(proposableStages(closed, 'ana', GOOD)).toEqual([]);
  });
});

describe('configuration', () => {
  it('approvalsRequired follows docs/architecture.md §7', () => {
    const table: [Stage, Stage, number][] = [
      ['monitoring', 'alert', 1],
      ['alert', 'recommendation', 1],
      ['recommendation', 'mobilisation', 2],
      ['mobilisation', 'recommendation', 1],
      ['mobilisation', 'monitoring', 1],
      ['alert', 'monitoring', 1],
      ['monitoring', 'closed', 1],
      ['closed', 'monitoring', 0],
      ['alert', 'alert', 0],
    ];
    for (const [from, to, n] of table)
      expect([from, to, approvalsRequired(from, to)]).toEqual([from, to, n]);
  });

  it('approvalsRequired reads the configuration, and never asks for fewer than one approval', () => {
    const config: WorkflowConfig = {
      ...DEFAULT_WORKFLOW_CONFIG,
      approvalsRequired: {
        alert: 3,
        recommendation: 0,
        mobilisation: 4,
        deescalation: 2,
        closed: -1,
      },
    };
    expect(approvalsRequired('monitoring', 'alert', config)).toBe(3);
    expect(approvalsRequired('alert', 'recommendation', config)).toBe(1);
    expect(approvalsRequired('recommendation', 'mobilisation', config)).toBe(4);
    expect(approvalsRequired('mobilisation', 'alert', config)).toBe(2);
    expect(approvalsRequired('monitoring', 'closed', config)).toBe(1);
  });

  it('reviewIntervalDays: 90, 30, 14, 7, none when closed', () => {
    expect(
      (['monitoring', 'alert', 'recommendation', 'mobilisation', 'closed'] as const).map((s) =>
        reviewIntervalDays(s),
      ),
    ).toEqual([90, 30, 14, 7, null]);
    const config: WorkflowConfig = {
      ...DEFAULT_WORKFLOW_CONFIG,
      reviewIntervalDays: { monitoring: 60, alert: 20, recommendation: 10, mobilisation: 3 },
    };
    expect(reviewIntervalDays('alert', config)).toBe(20);
  });
});
