import type { ApiSchemas } from '@vigil/client';
import type { Stage } from '@vigil/domain';
import { api, expectOk, optional, unwrap } from '../../../lib/api-client';

export type Case = ApiSchemas['CaseResponse'];
export type CasePage = ApiSchemas['CasePageResponse'];
export type CaseStats = ApiSchemas['CaseStatsResponse'];
export type CountryCount = ApiSchemas['CountryCount'];
export type Country = ApiSchemas['CountryResponse'];
export type CaseMember = ApiSchemas['CaseMemberResponse'];
export type MemberCandidate = ApiSchemas['MemberCandidateResponse'];
export type AddMemberInput = ApiSchemas['AddCaseMemberDto'];
export type MemberRole = AddMemberInput['role'];
export type Workflow = ApiSchemas['WorkflowResponse'];
export type CaseEvent = ApiSchemas['CaseEventResponse'];
export type CaseEventPage = ApiSchemas['CaseEventPageResponse'];
export type Escalation = ApiSchemas['EscalationResponse'];
export type EscalationPage = ApiSchemas['EscalationPageResponse'];
export type CreateCaseInput = ApiSchemas['CreateCaseDto'];
export type UpdateCaseInput = ApiSchemas['UpdateCaseDto'];
export type CaseSort = 'updatedAt' | 'reference' | 'title' | 'nextReviewDue';
export type SortOrder = 'asc' | 'desc';

/** Filters shared by the list and its counts. */
export interface CaseFilters {
  stages: Stage[];
  country: string;
  leadAnalystId: string;
  overdue: boolean;
  priority: boolean;
  q: string;
}

export interface CaseListParams extends CaseFilters {
  sort: CaseSort;
  order: SortOrder;
}

function filterQuery(filters: CaseFilters) {
  return {
    country: optional(filters.country),
    leadAnalystId: optional(filters.leadAnalystId),
    overdue: filters.overdue ? true : undefined,
    priority: filters.priority ? true : undefined,
    q: optional(filters.q.trim()),
  };
}

export function listCases(params: CaseListParams, cursor: string | null): Promise<CasePage> {
  return unwrap(
    api.GET('/api/cases', {
      params: {
        query: {
          ...filterQuery(params),
          stage: params.stages.length > 0 ? params.stages : undefined,
          sort: params.sort,
          order: params.order,
          cursor: optional(cursor),
          limit: 25,
        },
      },
    }),
  );
}

/** Counts per stage and per country; the server ignores the stage filter for counts. */
export function caseStats(filters: CaseFilters): Promise<CaseStats> {
  return unwrap(api.GET('/api/cases/stats', { params: { query: filterQuery(filters) } }));
}

export function listCountries(): Promise<Country[]> {
  return unwrap(api.GET('/api/countries'));
}

export function getCase(id: string): Promise<Case> {
  return unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } }));
}

export function createCase(input: CreateCaseInput): Promise<Case> {
  return unwrap(api.POST('/api/cases', { body: input }));
}

export function updateCase(id: string, input: UpdateCaseInput): Promise<Case> {
  return unwrap(api.PATCH('/api/cases/{id}', { params: { path: { id } }, body: input }));
}

export function listMembers(id: string): Promise<CaseMember[]> {
  return unwrap(api.GET('/api/cases/{id}/members', { params: { path: { id } } }));
}

/** Up to 20 people who could be added to the case, matching `q` on name or e-mail. */
export function listMemberCandidates(id: string, q: string): Promise<MemberCandidate[]> {
  return unwrap(
    api.GET('/api/cases/{id}/member-candidates', {
      params: { path: { id }, query: { q: optional(q.trim()) } },
    }),
  );
}

export function addMember(id: string, input: AddMemberInput): Promise<CaseMember[]> {
  return unwrap(api.POST('/api/cases/{id}/members', { params: { path: { id } }, body: input }));
}

export function removeMember(id: string, userId: string): Promise<void> {
  return expectOk(
    api.DELETE('/api/cases/{id}/members/{userId}', { params: { path: { id, userId } } }),
  );
}

export function getWorkflow(id: string): Promise<Workflow> {
  return unwrap(api.GET('/api/cases/{id}/workflow', { params: { path: { id } } }));
}

/** The whole timeline, oldest first (follows `nextCursor` until the end). */
export async function listAllEvents(id: string): Promise<CaseEvent[]> {
  const events: CaseEvent[] = [];
  let after = 0;
  for (let guard = 0; guard < 50; guard += 1) {
    const page = await unwrap(
      api.GET('/api/cases/{id}/events', {
        params: { path: { id }, query: { after, limit: 200 } },
      }),
    );
    events.push(...page.items);
    const last = page.items[page.items.length - 1];
    if (!page.nextCursor || !last) break;
    after = last.seq;
  }
  return events;
}

export function proposeMove(
  id: string,
  input: ApiSchemas['ProposeEscalationDto'],
): Promise<Escalation> {
  return unwrap(api.POST('/api/cases/{id}/escalations', { params: { path: { id } }, body: input }));
}

export function recordReview(id: string, note: string): Promise<Workflow> {
  return unwrap(api.POST('/api/cases/{id}/reviews', { params: { path: { id } }, body: { note } }));
}

export function reopenCase(id: string, note: string): Promise<Workflow> {
  return unwrap(api.POST('/api/cases/{id}/reopen', { params: { path: { id } }, body: { note } }));
}

export function getEscalation(id: string): Promise<Escalation> {
  return unwrap(api.GET('/api/escalations/{id}', { params: { path: { id } } }));
}

export function listPendingEscalations(cursor: string | null): Promise<EscalationPage> {
  return unwrap(
    api.GET('/api/escalations', {
      params: { query: { status: 'pending', cursor: optional(cursor), limit: 50 } },
    }),
  );
}

export type Decision = 'approve' | 'reject' | 'withdraw';

export function decideEscalation(
  id: string,
  decision: Decision,
  note: string,
): Promise<Escalation> {
  const body = note.trim() ? { note: note.trim() } : {};
  const params = { path: { id } };
  switch (decision) {
    case 'approve':
      return unwrap(api.POST('/api/escalations/{id}/approve', { params, body }));
    case 'reject':
      return unwrap(api.POST('/api/escalations/{id}/reject', { params, body }));
    case 'withdraw':
      return unwrap(api.POST('/api/escalations/{id}/withdraw', { params, body }));
  }
}
