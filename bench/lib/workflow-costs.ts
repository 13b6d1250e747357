import {
  acceptedEventTypes,
  applyWorkflowEvent,
  describeWorkflow,
  proposableStages,
  type WorkflowFacts,
} from '@vigil/domain';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { JWT_SECRET } from './workflow-settings.js';

// Where the api's time goes in-process: the statechart work one review request does.

export interface StatechartCosts {
  applyUs: number;
  describeUs: number;
  acceptedUs: number;
  proposableUs: number;
  perRequestUs: number;
}

export function statechartCosts(actorId: string): StatechartCosts {
  const facts: WorkflowFacts = {
    latestFinalisedAssessmentAgeDays: null,
    openRecommendations: 0,
    transmittedRecommendations: 0,
  };
  const snapshot = applyWorkflowEvent(null, { type: 'RECORD_REVIEW', actorId }).snapshot;
  const time = (fn: () => unknown): number => {
    for (let i = 0; i < 200; i += 1) fn();
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) fn();
    return ((performance.now() - t0) * 1000) / n;
  };
  const applyUs = time(() => applyWorkflowEvent(snapshot, { type: 'RECORD_REVIEW', actorId }));
  const describeUs = time(() => describeWorkflow(snapshot));
  const acceptedUs = time(() => acceptedEventTypes(snapshot, actorId, facts));
  const proposableUs = time(() => proposableStages(snapshot, actorId, facts));
  // recordReview = apply + describe(): describeWorkflow + acceptedEventTypes + proposableStages (advisers/leads).
  return {
    applyUs,
    describeUs,
    acceptedUs,
    proposableUs,
    perRequestUs: applyUs + describeUs + acceptedUs + proposableUs,
  };
}

/** Access-token verification per request: the api's JwtService (string secret) vs. the same secret as a KeyObject. */
export interface JwtCosts {
  appUs: number;
  keyObjectUs: number;
}

export async function jwtCosts(appJwt: JwtService, token: string): Promise<JwtCosts> {
  const keyed = new JwtService({ secret: createSecretKey(Buffer.from(JWT_SECRET)) });
  const time = async (svc: JwtService): Promise<number> => {
    for (let i = 0; i < 50; i += 1) await svc.verifyAsync(token, { algorithms: ['HS256'] });
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i += 1) await svc.verifyAsync(token, { algorithms: ['HS256'] });
    return ((performance.now() - t0) * 1000) / n;
  };
  return { appUs: await time(appJwt), keyObjectUs: await time(keyed) };
}
