import type { ApiSchemas } from '@vigil/client';
import { api, expectOk, optional, unwrap } from '../../../lib/api-client';

/** The Framework Team's restricted view of a case (docs/architecture.md §5): nothing else. */
export type PrioritySituation = ApiSchemas['PrioritySituationResponse'];
export type PrioritySituationPage = ApiSchemas['PrioritySituationPageResponse'];
/** Endorsements counted per entity. */
export type EndorsementCount = ApiSchemas['OrganisationEndorsementCount'];
/** One endorsement as the Office sees it. */
export type Endorsement = ApiSchemas['CaseEndorsement'];
export type CaseEndorsements = ApiSchemas['CaseEndorsementsResponse'];

export function listPrioritySituations(cursor: string | null): Promise<PrioritySituationPage> {
  return unwrap(
    api.GET('/api/priority-situations', {
      params: { query: { cursor: optional(cursor), limit: 50 } },
    }),
  );
}

export function getPrioritySituation(id: string): Promise<PrioritySituation> {
  return unwrap(api.GET('/api/priority-situations/{id}', { params: { path: { id } } }));
}

export function saveEndorsement(id: string, note: string) {
  return unwrap(
    api.PUT('/api/priority-situations/{id}/endorsement', {
      params: { path: { id } },
      body: { note },
    }),
  );
}

export function withdrawEndorsement(id: string): Promise<void> {
  return expectOk(
    api.DELETE('/api/priority-situations/{id}/endorsement', { params: { path: { id } } }),
  );
}

/** Endorsements of a shared case, for the Office. */
export function listCaseEndorsements(caseId: string): Promise<CaseEndorsements> {
  return unwrap(api.GET('/api/cases/{id}/endorsements', { params: { path: { id: caseId } } }));
}

/** Marks a case as a priority situation shared with the Framework Team, or unmarks it. */
export function setPriority(caseId: string, shared: boolean) {
  return unwrap(
    api.POST('/api/cases/{id}/priority', { params: { path: { id: caseId } }, body: { shared } }),
  );
}
