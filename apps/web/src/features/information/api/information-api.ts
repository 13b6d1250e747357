import type { ApiSchemas } from '@vigil/client';
import type { Credibility, CrimeType, ItemKind, Reliability } from '@vigil/domain';
import { api, optional, unwrap } from '../../../lib/api-client';
import { saveDownload } from './save-download';

export type InformationItem = ApiSchemas['ItemResponse'];
export type ItemSummary = ApiSchemas['ItemSummaryResponse'];
export type ItemPage = ApiSchemas['ItemPageResponse'];
export type ItemCount = ApiSchemas['ItemCountResponse'];
export type ItemSource = ApiSchemas['ItemSourceResponse'];
export type Source = ApiSchemas['SourceResponse'];
export type Framework = ApiSchemas['FrameworkResponse'];
export type FrameworkFactor = ApiSchemas['RiskFactorResponse'];
export type Attachment = ApiSchemas['AttachmentResponse'];
export type SpeechAssessment = ApiSchemas['SpeechAssessmentResponse'];
export type CreateItemInput = ApiSchemas['CreateItemDto'];
export type UpdateItemInput = ApiSchemas['UpdateItemDto'];
export type SpeechAssessmentInput = ApiSchemas['SpeechAssessmentDto'];
export type CreateSourceInput = ApiSchemas['CreateSourceDto'];
export type CaseOption = Pick<ApiSchemas['CaseResponse'], 'id' | 'reference' | 'title'>;
export type ItemSort = 'eventDate' | 'relevance';

/** The filters of the information list, its count and its export. */
export interface ItemFilters {
  q: string;
  country: string;
  caseId: string;
  indicatorId: string;
  crimeType: CrimeType | '';
  reliability: Reliability[];
  credibility: Credibility[];
  kinds: ItemKind[];
  /** Event date from, `YYYY-MM-DD`. */
  from: string;
  to: string;
  sort: ItemSort;
}

export const EMPTY_ITEM_FILTERS: ItemFilters = {
  q: '',
  country: '',
  caseId: '',
  indicatorId: '',
  crimeType: '',
  reliability: [],
  credibility: [],
  kinds: [],
  from: '',
  to: '',
  sort: 'eventDate',
};

const some = <T>(values: T[]): T[] | undefined => (values.length > 0 ? values : undefined);

function filterQuery(filters: ItemFilters) {
  return {
    q: optional(filters.q.trim()),
    country: optional(filters.country),
    caseId: optional(filters.caseId),
    indicatorId: optional(filters.indicatorId),
    crimeType: optional(filters.crimeType),
    reliability: some(filters.reliability),
    credibility: some(filters.credibility),
    kind: some(filters.kinds),
    from: optional(filters.from),
    to: optional(filters.to),
    sort: filters.sort,
  };
}

export function listItems(filters: ItemFilters, cursor: string | null, limit = 25) {
  return unwrap(
    api.GET('/api/information-items', {
      params: { query: { ...filterQuery(filters), cursor: optional(cursor), limit } },
    }),
  );
}

export function countItems(filters: ItemFilters): Promise<ItemCount> {
  return unwrap(
    api.GET('/api/information-items/count', { params: { query: filterQuery(filters) } }),
  );
}

/** What an export wrote: rows and whether the server stopped at its limit. */
export interface ExportResult {
  rows: number;
  truncated: boolean;
}

/** Downloads the CSV of the filtered items (with the session's token) and saves it. */
export async function exportItemsCsv(filters: ItemFilters): Promise<ExportResult> {
  const call = api.GET('/api/information-items/export.csv', {
    params: { query: filterQuery(filters) },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  const { response } = await call;
  saveDownload(blob, response.headers.get('content-disposition'), 'vigil-information.csv');
  return {
    rows: Number(response.headers.get('x-export-rows') ?? 0),
    truncated: response.headers.get('x-export-truncated') === 'true',
  };
}

export function getItem(id: string): Promise<InformationItem> {
  return unwrap(api.GET('/api/information-items/{id}', { params: { path: { id } } }));
}

export function createItem(input: CreateItemInput): Promise<InformationItem> {
  return unwrap(api.POST('/api/information-items', { body: input }));
}

export function updateItem(id: string, input: UpdateItemInput): Promise<InformationItem> {
  return unwrap(
    api.PATCH('/api/information-items/{id}', { params: { path: { id } }, body: input }),
  );
}

export function saveSpeechAssessment(
  id: string,
  input: SpeechAssessmentInput,
): Promise<InformationItem> {
  return unwrap(
    api.PUT('/api/information-items/{id}/speech-assessment', {
      params: { path: { id } },
      body: input,
    }),
  );
}

/** Uploads one file as the multipart field "file". */
export function uploadAttachment(id: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/information-items/{id}/attachments', {
      params: { path: { id } },
      // The typed body describes the multipart field; the FormData is what is sent.
      body: { file: file.name },
      bodySerializer: () => form,
    }),
  );
}

/** Downloads an attachment with the session's token and saves it under its name. */
export async function downloadAttachment(itemId: string, attachment: Attachment): Promise<void> {
  const call = api.GET('/api/information-items/{id}/attachments/{attachmentId}', {
    params: { path: { id: itemId, attachmentId: attachment.id } },
    parseAs: 'blob',
  });
  const blob = await unwrap(call);
  saveDownload(blob, null, attachment.fileName);
}

export function getFramework(): Promise<Framework> {
  return unwrap(api.GET('/api/framework'));
}

/**
 * Up to 20 sources whose identity the user may read, newest first, by words of the name or their
 * first three letters or more (names are encrypted at rest and found through a blind index).
 */
export function searchSources(q: string): Promise<Source[]> {
  return unwrap(
    api.GET('/api/sources', { params: { query: { q: optional(q.trim()), limit: 20 } } }),
  ).then((page) => page.items);
}

export function createSource(input: CreateSourceInput): Promise<Source> {
  return unwrap(api.POST('/api/sources', { body: input }));
}

/** Situations the user may read, by words of their title or summary (most recent first). */
export function searchCases(q: string, limit = 20): Promise<CaseOption[]> {
  return unwrap(
    api.GET('/api/cases', {
      params: { query: { q: optional(q.trim()), sort: 'updatedAt', order: 'desc', limit } },
    }),
  ).then((page) => page.items.map(({ id, reference, title }) => ({ id, reference, title })));
}
