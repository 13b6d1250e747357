import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { WorkflowConfig } from './config.js';
import type { WorkflowEvent, WorkflowFacts } from './events.js';
import { acceptedEventTypes, applyWorkflowEvent, describeWorkflow } from './persistence.js';
import { approvalsRequired, refusalReason } from './rules.js';
import {
  ACTIVE_STAGES,
  STAGES,
  WORKFLOW_EVENT_TYPES,
  type Stage,
  type WorkflowEventType,
} from './stages.js';

// Random event sequences by a small pool of actors with random facts and a random configuration.

const ACTORS = ['ana', 'ben', 'cy', 'dee'] as const;

const factsArb: fc.Arbitrary<WorkflowFacts> = fc.record({
  latestFinalisedAssessmentAgeDays: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 })),
  openRecommendations: fc.nat({ max: 2 }),
  transmittedRecommendations: fc.nat({ max: 2 }),
});

const configArb: fc.Arbitrary<WorkflowConfig> = fc.record({
  approvalsRequired: fc.record({
    alert: fc.integer({ min: 1, max: 2 }),
    recommendation: fc.integer({ min: 1, max: 2 }),
    mobilisation: fc.integer({ min: 1, max: 3 }),
    deescalation: fc.integer({ min: 1, max: 2 }),
    closed: fc.integer({ min: 1, max: 2 }),
  }),
  reviewIntervalDays: fc.constant({
    monitoring: 90,
    alert: 30,
    recommendation: 14,
    mobilisation: 7,
  }),
  assessmentMaxAgeDays: fc.constantFrom(30, 15),
});

/** One step: who sends what, and the facts the server would load at that moment. */
interface Move {
  type: WorkflowEventType;
  actorId: string;
  toStage: string;
  facts: WorkflowFacts;
}

const moveArb: fc.Arbitrary<Move> = fc.record({
  // APPROVE and PROPOSE weighted up so that runs reach the higher stages.
  type: fc.oneof(
    { arbitrary: fc.constantFrom<WorkflowEventType>('PROPOSE', 'APPROVE'), weight: 6 },
    { arbitrary: fc.constantFrom(...WORKFLOW_EVENT_TYPES), weight: 2 },
  ),
  actorId: fc.constantFrom(...ACTORS),
  // 'next-up' is resolved against the current stage when the event is built, so runs climb.
  toStage: fc.oneof(
    { arbitrary: fc.constant('next-up'), weight: 4 },
    { arbitrary: fc.constantFrom<string>(...STAGES), weight: 4 },
    { arbitrary: fc.constant('bogus'), weight: 1 },
  ),
  facts: fc.oneof(
    {
      arbitrary: fc.constant({
        latestFinalisedAssessmentAgeDays: 1,
        openRecommendations: 1,
        transmittedRecommendations: 1,
      }),
      weight: 2,
    },
    { arbitrary: factsArb, weight: 1 },
  ),
});

function toEvent(move: Move, index: number, current: Stage): WorkflowEvent {
  const { actorId, facts } = move;
  const rank = (ACTIVE_STAGES as readonly string[]).indexOf(current);
  const nextUp = ACTIVE_STAGES[Math.min(rank + 1, ACTIVE_STAGES.length - 1)];
  const toStage = (move.toStage === 'next-up' ? nextUp : move.toStage) as Stage;
  const proposalId = `p${index}`;
  switch (move.type) {
    case 'PROPOSE':
      return { type: 'PROPOSE', proposalId, toStage, actorId, facts };
    case 'CLOSE':
      return { type: 'CLOSE', proposalId, actorId, facts };
    case 'APPROVE':
      return { type: 'APPROVE', actorId, facts };
    default:
      return { type: move.type, actorId };
  }
}

/** Every event of every type this actor could send with these facts (PROPOSE once per target). */
function everyEvent(actorId: string, facts: WorkflowFacts): WorkflowEvent[] {
  return WORKFLOW_EVENT_TYPES.flatMap((type) =>
    type === 'PROPOSE'
      ? STAGES.map((toStage): WorkflowEvent => ({
          type,
          proposalId: 'probe',
          toStage,
          actorId,
          facts,
        }))
      : [toEvent({ type, actorId, toStage: 'closed', facts }, 0, 'monitoring')],
  );
}

describe('case workflow properties', () => {
  it('holds four eyes, replays, and agrees with refusalReason and acceptedEventTypes', () => {
    const reached = new Map<string, number>();
    fc.assert(
      fc.property(
        configArb,
        fc.array(moveArb, { minLength: 1, maxLength: 60, size: 'max' }),
        (config, moves) => {
          let snapshot: unknown = null;
          const acceptedEvents: WorkflowEvent[] = [];
          moves.forEach((move, index) => {
            const before = describeWorkflow(snapshot, config);
            const event = toEvent(move, index, before.stage);
            const reason = refusalReason(
              { stage: before.stage, pending: before.pending, config },
              event,
            );

            // (d) acceptedEventTypes lists a type iff some event of that type would be accepted.
            const listed = acceptedEventTypes(snapshot, move.actorId, move.facts, config);
            const acceptable = new Set(
              everyEvent(move.actorId, move.facts)
                .filter((e) => applyWorkflowEvent(snapshot, e, config).step.accepted)
                .map((e) => e.type),
            );
            expect(listed).toEqual(WORKFLOW_EVENT_TYPES.filter((t) => acceptable.has(t)));

            const result = applyWorkflowEvent(snapshot, event, config);
            const { step } = result;
            // (c) refusalReason says null exactly when the machine accepts; a refusal changes nothing.
            expect(step.accepted).toBe(reason === null);
            expect(step.reason).toBe(reason);
            if (!step.accepted) {
              expect(result.snapshot).toBe(snapshot ?? result.snapshot);
              expect(describeWorkflow(result.snapshot, config)).toEqual(before);
              return;
            }
            expect(step.before).toEqual({ stage: before.stage, subState: before.subState });
            expect(JSON.parse(JSON.stringify(result.snapshot))).toEqual(result.snapshot);

            const after = describeWorkflow(result.snapshot, config);
            expect(after.subState === 'pending').toBe(after.pending !== null);
            expect(step.transitioned).toBe(after.stage !== before.stage);
            if (step.transitioned) {
              reached.set(after.stage, (reached.get(after.stage) ?? 0) + 1);
              if (event.type === 'APPROVE') {
                // (a) entering a stage by approval: enough distinct approvals, none by the proposer.
                const pending = before.pending;
                expect(pending).not.toBeNull();
                if (pending === null) return;
                const approvals = [...pending.approvals, event.actorId];
                expect(after.stage).toBe(pending.toStage);
                expect(new Set(approvals).size).toBe(approvals.length);
                expect(approvals).not.toContain(pending.proposerId);
                expect(approvals.length).toBeGreaterThanOrEqual(
                  approvalsRequired(pending.fromStage, pending.toStage, config),
                );
              } else {
                // The only other way to change stage is reopening a closed case.
                expect([event.type, before.stage, after.stage]).toEqual([
                  'REOPEN',
                  'closed',
                  'monitoring',
                ]);
              }
            }
            acceptedEvents.push(event);
            snapshot = result.snapshot;
          });

          // (b) replaying only the accepted events from a fresh machine reproduces the same state.
          let replayed: unknown = null;
          for (const event of acceptedEvents) {
            const { step, snapshot: next } = applyWorkflowEvent(replayed, event, config);
            expect(step.accepted).toBe(true);
            replayed = next;
          }
          expect(describeWorkflow(replayed, config)).toEqual(describeWorkflow(snapshot, config));
        },
      ),
      { numRuns: 200 },
    );
    // The generator does move into every stage, so the properties are not vacuous.
    expect([...reached.keys()].sort()).toEqual([
      'alert',
      'closed',
      'mobilisation',
      'monitoring',
      'recommendation',
    ]);
  });
});
