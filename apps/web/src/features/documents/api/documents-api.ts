import type { ApiSchemas } from '@vigil/client';
import type {
  DocumentKind,
  DocumentStatus,
  DocumentTransition,
  VersionReason,
} from '@vigil/domain';
import { api, ApiError, unwrap } from '../../../lib/api-client';

export type { DocumentKind, DocumentStatus, DocumentTransition, VersionReason };

/** A collaborative document of a case (its text lives in the Y.Doc, not here). */
export type DraftDocument = ApiSchemas['DocumentResponse'];
export type DocumentPage = ApiSchemas['DocumentPageResponse'];
/** A frozen version, as listed (without its text). */
export type DocumentVersion = ApiSchemas['DocumentVersionSummary'];
export type DocumentDiff = ApiSchemas['DocumentDiffResponse'];
export type DiffPart = DocumentDiff['parts'][number];
export type VerifyResult = ApiSchemas['DocumentVerifyResponse'];
export type NewDocument = ApiSchemas['CreateDocumentDto'];

/** Review steps, each a `POST /api/documents/:id/<step>`. */
export type DocumentStep = DocumentTransition;

export interface StepInput {
  /** The document version read (optimistic lock). */
  version: number;
  note?: string;
  recipient?: string;
}

const byId = (id: string) => ({ params: { path: { id } } });

export function listDocuments(caseId: string): Promise<DocumentPage> {
  return unwrap(
    api.GET('/api/cases/{id}/documents', {
      params: { path: { id: caseId }, query: { limit: 100 } },
    }),
  );
}

export function createDocument(caseId: string, input: NewDocument): Promise<DraftDocument> {
  return unwrap(api.POST('/api/cases/{id}/documents', { ...byId(caseId), body: input }));
}

export function getDocument(id: string): Promise<DraftDocument> {
  return unwrap(api.GET('/api/documents/{id}', byId(id)));
}

export async function listVersions(id: string): Promise<DocumentVersion[]> {
  const page = await unwrap(
    api.GET('/api/documents/{id}/versions', {
      params: { path: { id }, query: { limit: 100 } },
    }),
  );
  return page.items;
}

export function saveVersion(id: string): Promise<DocumentVersion> {
  return unwrap(api.POST('/api/documents/{id}/versions', byId(id)));
}

export function getDiff(id: string, from: number, to: number): Promise<DocumentDiff> {
  return unwrap(
    api.GET('/api/documents/{id}/diff', { params: { path: { id }, query: { from, to } } }),
  );
}

/** One review step; returning needs its note, transmitting its recipient. */
export function takeStep(id: string, step: DocumentStep, input: StepInput): Promise<DraftDocument> {
  const { version, note } = input;
  switch (step) {
    case 'submit':
      return unwrap(
        api.POST('/api/documents/{id}/submit', { ...byId(id), body: { version, note } }),
      );
    case 'approve':
      return unwrap(
        api.POST('/api/documents/{id}/approve', { ...byId(id), body: { version, note } }),
      );
    case 'return':
      return unwrap(
        api.POST('/api/documents/{id}/return', {
          ...byId(id),
          body: { version, note: note ?? '' },
        }),
      );
    case 'transmit':
      return unwrap(
        api.POST('/api/documents/{id}/transmit', {
          ...byId(id),
          body: { version, note, recipient: input.recipient ?? '' },
        }),
      );
  }
}

export function createRevision(id: string): Promise<DraftDocument> {
  return unwrap(api.POST('/api/documents/{id}/revisions', byId(id)));
}

export function verifyDocument(id: string): Promise<VerifyResult> {
  return unwrap(api.GET('/api/documents/{id}/verify', byId(id)));
}

/** The PDF of a frozen version, fetched with the bearer token (which lives in memory only). */
export async function downloadVersionPdf(
  id: string,
  number: number,
): Promise<{ blob: Blob; disposition: string | null }> {
  const { data, response } = await api.GET('/api/documents/{id}/versions/{number}/pdf', {
    params: { path: { id, number: String(number) } },
    headers: { Accept: 'application/pdf' },
    parseAs: 'blob',
  });
  if (!response.ok || !(data instanceof Blob)) {
    throw new ApiError({
      statusCode: response.status,
      error: response.statusText,
      message:
        response.status === 404 ? 'This version was not found.' : 'The PDF could not be made.',
    });
  }
  return { blob: data, disposition: response.headers.get('Content-Disposition') };
}
