import type { ApiSchemas } from '@vigil/client';
import type { EngagementKind } from '@vigil/domain';
import { api, unwrap } from '../../../lib/api-client';

export type { EngagementKind };

/** An engagement with a partner: who, how, when, what came of it, and the follow-up. */
export type Engagement = ApiSchemas['EngagementResponse'];
export type EngagementPage = ApiSchemas['EngagementPageResponse'];
export type NewEngagement = ApiSchemas['CreateEngagementDto'];
export type EngagementChange = ApiSchemas['UpdateEngagementDto'];

export function listEngagements(caseId: string): Promise<EngagementPage> {
  return unwrap(
    api.GET('/api/cases/{id}/engagements', {
      params: { path: { id: caseId }, query: { limit: 100 } },
    }),
  );
}

export function createEngagement(caseId: string, input: NewEngagement): Promise<Engagement> {
  return unwrap(
    api.POST('/api/cases/{id}/engagements', { params: { path: { id: caseId } }, body: input }),
  );
}

export function updateEngagement(id: string, change: EngagementChange): Promise<Engagement> {
  return unwrap(api.PATCH('/api/engagements/{id}', { params: { path: { id } }, body: change }));
}
