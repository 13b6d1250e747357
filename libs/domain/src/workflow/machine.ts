import { assign, setup } from 'xstate';
import { DEFAULT_WORKFLOW_CONFIG } from './config.js';
import type { WorkflowContext, WorkflowEvent, WorkflowInput } from './events.js';
import { isFinalApproval, refusalReason } from './rules.js';
import { ACTIVE_STAGES, type ActiveStage, type Stage } from './stages.js';

// docs/architecture.md §7. Each open stage has `steady` and `pending`; `closed` has neither. Every
// guard is `refusalReason(...) === null` (plus, for the approval that completes a proposal, which
// stage it goes to), so the machine and the reasons shown to users agree by construction.

const MACHINE_ID = 'caseWorkflow';

/** The state id a completed proposal into `stage` lands in. */
function landingTarget(stage: Stage): string {
  return stage === 'closed' ? `#${MACHINE_ID}.closed` : `#${MACHINE_ID}.${stage}.steady`;
}

const workflowSetup = setup({
  types: {
    context: {} as WorkflowContext,
    events: {} as WorkflowEvent,
    input: {} as WorkflowInput,
  },
  guards: {
    accepted: ({ context, event }) => refusalReason(context, event) === null,
    /** An accepted approval that is the last one needed by a proposal into `toStage`. */
    completesProposalTo: ({ context, event }, params: { toStage: Stage }) =>
      context.pending !== null &&
      context.pending.toStage === params.toStage &&
      isFinalApproval(context, context.pending) &&
      refusalReason(context, event) === null,
  },
  actions: {
    enterStage: assign((_, params: { stage: Stage }) => ({ stage: params.stage, pending: null })),
    startProposal: assign(({ context, event }) => {
      if (event.type !== 'PROPOSE' && event.type !== 'CLOSE') return {};
      return {
        pending: {
          proposalId: event.proposalId,
          fromStage: context.stage,
          toStage: event.type === 'CLOSE' ? 'closed' : event.toStage,
          proposerId: event.actorId,
          approvals: [],
        },
      };
    }),
    recordApproval: assign(({ context, event }) => {
      if (event.type !== 'APPROVE' || context.pending === null) return {};
      return {
        pending: { ...context.pending, approvals: [...context.pending.approvals, event.actorId] },
      };
    }),
    clearProposal: assign({ pending: null }),
    /** Nothing to change: named so the transition counts as taken (`snapshot.can` needs an action). */
    acknowledgeReview: () => undefined,
  },
});

/** `steady` and `pending` of one open stage. */
function openStage(stage: ActiveStage) {
  const completions = (['closed', ...ACTIVE_STAGES] as const)
    .filter((target) => target !== stage)
    .map((target) => ({
      guard: { type: 'completesProposalTo' as const, params: { toStage: target } },
      target: landingTarget(target),
    }));
  return {
    initial: 'steady' as const,
    entry: { type: 'enterStage' as const, params: { stage } },
    on: {
      // Accepted everywhere but closed, and changes nothing: the server resets the review clock.
      RECORD_REVIEW: { guard: 'accepted' as const, actions: 'acknowledgeReview' as const },
    },
    states: {
      steady: {
        on: {
          PROPOSE: {
            guard: 'accepted' as const,
            target: 'pending',
            actions: 'startProposal' as const,
          },
          CLOSE: {
            guard: 'accepted' as const,
            target: 'pending',
            actions: 'startProposal' as const,
          },
        },
      },
      pending: {
        on: {
          APPROVE: [
            ...completions,
            { guard: 'accepted' as const, actions: 'recordApproval' as const },
          ],
          REJECT: {
            guard: 'accepted' as const,
            target: 'steady',
            actions: 'clearProposal' as const,
          },
          WITHDRAW: {
            guard: 'accepted' as const,
            target: 'steady',
            actions: 'clearProposal' as const,
          },
        },
      },
    },
  };
}

/** The case workflow (docs/architecture.md §7). Input `{ config? }`; starts `monitoring.steady`. */
export const caseWorkflowMachine = workflowSetup.createMachine({
  id: MACHINE_ID,
  context: ({ input }) => ({
    stage: 'monitoring',
    pending: null,
    config: input.config ?? DEFAULT_WORKFLOW_CONFIG,
  }),
  initial: 'monitoring',
  states: {
    monitoring: openStage('monitoring'),
    alert: openStage('alert'),
    recommendation: openStage('recommendation'),
    mobilisation: openStage('mobilisation'),
    closed: {
      entry: { type: 'enterStage', params: { stage: 'closed' } },
      on: {
        REOPEN: { guard: 'accepted', target: 'monitoring' },
      },
    },
  },
});
