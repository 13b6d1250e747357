import type { ApiSchemas } from '@vigil/client';
import { api, unwrap } from '../../../lib/api-client';

export type Assessment = ApiSchemas['AssessmentResponse'];
export type AssessmentRating = ApiSchemas['RatingResponse'];
export type RatingInput = ApiSchemas['RatingInputDto'];
export type CreateAssessmentInput = ApiSchemas['CreateAssessmentDto'];
export type UpdateAssessmentInput = ApiSchemas['UpdateAssessmentDto'];
export type EvidenceSince = ApiSchemas['EvidenceSinceResponse'];
export type AssessmentFlag = Assessment['flags'][number];
export type AssessmentStatus = Assessment['status'];

/** Every assessment of a case, newest month first (follows `nextCursor` to the end). */
export async function listAssessments(caseId: string): Promise<Assessment[]> {
  const all: Assessment[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 20; guard += 1) {
    const page = await unwrap(
      api.GET('/api/cases/{id}/assessments', {
        params: { path: { id: caseId }, query: { cursor, limit: 100 } },
      }),
    );
    all.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
}

export function getAssessment(id: string): Promise<Assessment> {
  return unwrap(api.GET('/api/assessments/{id}', { params: { path: { id } } }));
}

export function createAssessment(
  caseId: string,
  input: CreateAssessmentInput,
): Promise<Assessment> {
  return unwrap(
    api.POST('/api/cases/{id}/assessments', { params: { path: { id: caseId } }, body: input }),
  );
}

export function updateAssessment(id: string, input: UpdateAssessmentInput): Promise<Assessment> {
  return unwrap(api.PATCH('/api/assessments/{id}', { params: { path: { id } }, body: input }));
}

/** Finalises the draft as reviewed: a newer version on the server answers 409. */
export function finaliseAssessment(id: string, version: number): Promise<Assessment> {
  return unwrap(
    api.POST('/api/assessments/{id}/finalise', {
      params: { path: { id }, query: { version } },
    }),
  );
}

/** A new draft for the same month, with the finalised one's ratings. */
export function supersedeAssessment(id: string): Promise<Assessment> {
  return unwrap(api.POST('/api/assessments/{id}/supersede', { params: { path: { id } } }));
}

export function getEvidenceSince(caseId: string): Promise<EvidenceSince> {
  return unwrap(
    api.GET('/api/cases/{id}/evidence-since-assessment', { params: { path: { id: caseId } } }),
  );
}
