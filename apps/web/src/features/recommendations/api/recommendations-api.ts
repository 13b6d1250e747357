import type { ApiSchemas } from '@vigil/client';
import type {
  ActionType,
  AddresseeKind,
  RecommendationAction,
  RecommendationStatus,
} from '@vigil/domain';
import { api, unwrap } from '../../../lib/api-client';

export type { ActionType, AddresseeKind, RecommendationAction, RecommendationStatus };

/** An organisation as shown beside a recommendation or an engagement. */
export type PartnerOrganisation = ApiSchemas['PartnerOrganisation'];
export type Recommendation = ApiSchemas['RecommendationResponse'];
export type RecommendationPage = ApiSchemas['RecommendationPageResponse'];
export type RecommendationStatusChange = ApiSchemas['RecommendationStatusChange'];
/** A recommendation with the history of its status, oldest first. */
export type RecommendationDetail = ApiSchemas['RecommendationDetailResponse'];
export type NewRecommendation = ApiSchemas['CreateRecommendationDto'];

export function listRecommendations(caseId: string): Promise<RecommendationPage> {
  return unwrap(
    api.GET('/api/cases/{id}/recommendations', {
      params: { path: { id: caseId }, query: { limit: 100 } },
    }),
  );
}

export function createRecommendation(
  caseId: string,
  input: NewRecommendation,
): Promise<Recommendation> {
  return unwrap(
    api.POST('/api/cases/{id}/recommendations', { params: { path: { id: caseId } }, body: input }),
  );
}

export function getRecommendation(id: string): Promise<RecommendationDetail> {
  return unwrap(api.GET('/api/recommendations/{id}', { params: { path: { id } } }));
}

/** An adviser's decision, one route each, with an optional note. */
export function decideRecommendation(
  id: string,
  action: RecommendationAction,
  note: string,
): Promise<Recommendation> {
  const init = { params: { path: { id } }, body: note ? { note } : {} };
  switch (action) {
    case 'approve':
      return unwrap(api.POST('/api/recommendations/{id}/approve', init));
    case 'transmit':
      return unwrap(api.POST('/api/recommendations/{id}/transmit', init));
    case 'implemented':
      return unwrap(api.POST('/api/recommendations/{id}/implemented', init));
    case 'declined':
      return unwrap(api.POST('/api/recommendations/{id}/declined', init));
  }
}
