import { WorkflowFactsProvider } from '@vigil/server';
import type { WorkflowFacts } from '@vigil/domain';
import { jest } from '@jest/globals';
import { type HttpApi, sessionFor, startTestApi, type Session, type TestApi } from './api.js';

/** Facts that satisfy every guard (a fresh finalised assessment, a transmitted recommendation). */
export const ALL_FACTS: WorkflowFacts = {
  latestFinalisedAssessmentAgeDays: 3,
  openRecommendations: 1,
  transmittedRecommendations: 1,
};

/**
 * Until assessments and recommendations exist (issues 4 and 6), tests supply the guard facts
 * through the real provider, per case.
 */
export function supplyFacts(api: TestApi): Map<string, WorkflowFacts> {
  const byCase = new Map<string, WorkflowFacts>();
  const provider = api.app.get(WorkflowFactsProvider, { strict: false });
  const original = provider.load.bind(provider);
  jest
    .spyOn(provider, 'load')
    .mockImplementation(async (m, caseId) => byCase.get(caseId) ?? original(m, caseId));
  return byCase;
}

/** Opens a case as `session` and returns its body. */
export async function openCase(
  api: HttpApi,
  session: Session,
  overrides: Record<string, unknown> = {},
) {
  const res = await api
    .http()
    .post('/api/cases')
    .set(session.auth())
    .send({
      title: 'Situation under watch',
      country: 'KEN',
      summary: 'Reports of targeted attacks.',
      ...overrides,
    });
  if (res.status !== 201) throw new Error(`create case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; reference: string; version: number; stage: string };
}

/** Edits a case's summary as `session` at its current version; fails the test unless 200. */
export async function editCaseSummary(
  api: HttpApi,
  session: Session,
  caseId: string,
  summary: string,
): Promise<void> {
  const current = await api.http().get(`/api/cases/${caseId}`).set(session.auth());
  const res = await api
    .http()
    .patch(`/api/cases/${caseId}`)
    .set(session.auth())
    .send({ version: (current.body as { version: number }).version, summary });
  if (res.status !== 200) throw new Error(`edit case: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A running api with the facts fixture and one signed-in person per role, all fully cleared. */
export interface WorkflowCast {
  api: TestApi;
  facts: Map<string, WorkflowFacts>;
  analyst: Session;
  adviser: Session;
  adviser2: Session;
  admin: Session;
  ft: Session;
}

/** Starts the api for the case and workflow suites and signs in their cast. */
export async function startWorkflowApi(): Promise<WorkflowCast> {
  const api = await startTestApi();
  const facts = supplyFacts(api);
  const as = (role: 'analyst' | 'adviser' | 'admin' | 'framework_team') =>
    sessionFor(api, { roles: [role], clearance: 'strictly_confidential' });
  const [analyst, adviser, adviser2, admin, ft] = await Promise.all([
    as('analyst'),
    as('adviser'),
    as('adviser'),
    as('admin'),
    as('framework_team'),
  ]);
  return { api, facts, analyst, adviser, adviser2, admin, ft };
}
