import type { Stage } from '@vigil/domain';
import { requestJson } from '../../../lib/api-client';
import type { Page } from '../../../lib/api-types';
import type { Case } from '../../situations/api/cases-api';

/** Endorsements counted per entity. */
export interface EndorsementCount {
  organisationId: string;
  acronym: string;
  name: string;
  count: number;
}

/** A priority situation in a list: the restricted view's headline fields. */
export interface PrioritySituationSummary {
  id: string;
  reference: string;
  title: string;
  /** ISO 3166 alpha-3 code. */
  country: string;
  /** The country's name, when the server sends it. */
  countryName?: string;
  stage: Stage;
  riskLevel: Case['riskLevel'];
  riskTrend: Case['riskTrend'];
  updatedAt: string;
}

/** The Framework Team's restricted view of a case (DESIGN §5): nothing else is in it. */
export interface PrioritySituation extends PrioritySituationSummary {
  summary: string;
  approvedRecommendations: unknown[];
  endorsements: { total: number; byOrganisation: EndorsementCount[] };
  myEndorsement: { note: string; updatedAt: string } | null;
}

/** One endorsement as the Office sees it. */
export interface Endorsement {
  userId: string;
  displayName: string;
  organisation: { id: string; acronym: string; name: string };
  note: string;
  updatedAt: string;
}

export interface CaseEndorsements {
  items: Endorsement[];
  byOrganisation: EndorsementCount[];
  total: number;
}

export function listPrioritySituations(cursor: string | null) {
  return requestJson<Page<PrioritySituationSummary>>('GET', '/api/priority-situations', {
    query: { cursor: cursor ?? undefined, limit: '50' },
  });
}

export function getPrioritySituation(id: string): Promise<PrioritySituation> {
  return requestJson<PrioritySituation>('GET', `/api/priority-situations/${id}`);
}

export function saveEndorsement(id: string, note: string): Promise<unknown> {
  return requestJson('PUT', `/api/priority-situations/${id}/endorsement`, { body: { note } });
}

export function withdrawEndorsement(id: string): Promise<unknown> {
  return requestJson('DELETE', `/api/priority-situations/${id}/endorsement`);
}

/** Endorsements of a shared case, for the Office. */
export function listCaseEndorsements(caseId: string): Promise<CaseEndorsements> {
  return requestJson<CaseEndorsements>('GET', `/api/cases/${caseId}/endorsements`);
}

/** Marks a case as a priority situation shared with the Framework Team, or unmarks it. */
export function setPriority(caseId: string, shared: boolean): Promise<unknown> {
  return requestJson('POST', `/api/cases/${caseId}/priority`, { body: { shared } });
}
