import {
  describeGrade,
  type Classification,
  type InformationItemSubject,
  type JsonValue,
  type Reliability,
  type SourceKind,
} from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { countryName } from '../cases/countries.js';
import { coversSql } from '../authorization/case-readers.sql.js';
import { isUuid } from '../common/ids.js';
import { queryRows } from '../database/named-query.js';
import type { ItemFieldsDto } from './dto/item-input.dto.js';
import type { ItemSummaryResponse, TextSegment } from './dto/item.response.js';
import type { ItemSourceResponse } from './dto/source.dto.js';
import { UNREADABLE_SOURCE_NAME } from '../sources/source-cipher.js';
import { MATCH_END, MATCH_START, type ItemSearchRow } from './item-search.store.js';

/**
 * Columns of one item in full, over `information_items i` (with who works its linked cases: their
 * leads and members within clearance, as `workedCasesSql`).
 */
export const ITEM_COLUMNS = `i.*, to_char(i.event_date, 'YYYY-MM-DD') AS event_day,
  to_char(i.received_date, 'YYYY-MM-DD') AS received_day, author.display_name AS author_name,
  ARRAY(SELECT ii.indicator_id FROM information_item_indicators ii WHERE ii.item_id = i.id ORDER BY ii.indicator_id) AS indicator_ids,
  ARRAY(SELECT lc.case_id FROM information_item_cases lc WHERE lc.item_id = i.id) AS case_ids,
  ARRAY(SELECT DISTINCT w.user_id FROM information_item_cases lc
    JOIN LATERAL (SELECT c.lead_analyst_id AS user_id, c.classification FROM cases c WHERE c.id = lc.case_id AND c.lead_analyst_id IS NOT NULL
      UNION SELECT cm.user_id, mc.classification FROM case_members cm JOIN cases mc ON mc.id = cm.case_id
        WHERE cm.case_id = lc.case_id) w ON true
    JOIN users wu ON wu.id = w.user_id
    WHERE lc.item_id = i.id AND ${coversSql('wu.clearance', 'w.classification')}) AS case_worker_ids`;

export const ITEM_FROM = 'information_items i JOIN users author ON author.id = i.created_by';

/** One item as ITEM_COLUMNS selects it. */
export interface ItemRow {
  id: string;
  title: string;
  description: string;
  country: string;
  admin_area: string | null;
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  event_day: string;
  received_day: string;
  kind: string;
  crime_types: string[];
  affected_groups: string[];
  source_id: string;
  source_reliability: Reliability;
  credibility: number;
  consent: string;
  classification: Classification;
  event_type: string | null;
  event_subtype: string | null;
  actor_types: string[];
  time_precision: number | null;
  geo_precision: number | null;
  version: number;
  created_by: string;
  author_name: string;
  created_at: Date;
  updated_at: Date;
  indicator_ids: string[];
  case_ids: string[];
  case_worker_ids: string[];
}

/** The fields abilities test, for `subject('InformationItem', ...)`. */
export function itemSubject(row: ItemRow): InformationItemSubject {
  return {
    id: row.id,
    classification: row.classification,
    createdBy: row.created_by,
    caseWorkerIds: row.case_worker_ids,
  };
}

/**
 * "Protected source" unless the caller may know who it is (`identity`); a known source whose name
 * cannot be decrypted (`name` null) is flagged unreadable, the item itself shown as usual.
 */
export function presentItemSource(
  reliability: Reliability,
  identity: { id: string; name: string | null; kind: SourceKind } | null,
): ItemSourceResponse {
  if (!identity) {
    return {
      protected: true,
      unreadable: false,
      id: null,
      name: 'Protected source',
      kind: null,
      reliability,
    };
  }
  return {
    protected: false,
    unreadable: identity.name === null,
    id: identity.id,
    name: identity.name ?? UNREADABLE_SOURCE_NAME,
    kind: identity.kind,
    reliability,
  };
}

/** Splits ts_headline output (matches between MATCH_START and MATCH_END) into segments. */
export function toSegments(marked: string | null, fallback: string): TextSegment[] {
  if (marked === null) return fallback === '' ? [] : [{ text: fallback, match: false }];
  const segments: TextSegment[] = [];
  for (const part of marked.split(MATCH_START)) {
    const end = part.indexOf(MATCH_END);
    if (end >= 0) {
      segments.push({ text: part.slice(0, end), match: true });
      if (end + 1 < part.length) segments.push({ text: part.slice(end + 1), match: false });
    } else if (part !== '') {
      segments.push({ text: part, match: false });
    }
  }
  return segments;
}

const SNIPPET_CHARS = 240;

/**
 * One search row as the list shows it; `sourceName` is the decrypted name of a source the caller
 * may know (null if it cannot be decrypted), ignored when the row carries no identity.
 */
export function presentSearchRow(
  row: ItemSearchRow,
  sourceName: string | null,
): ItemSummaryResponse {
  const reliability = row.source_reliability as Reliability;
  const grade = `${reliability}${row.credibility}`;
  const plainSnippet =
    row.description.length > SNIPPET_CHARS
      ? `${row.description.slice(0, SNIPPET_CHARS).trimEnd()}…`
      : row.description;
  return {
    id: row.id,
    title: row.title,
    country: row.country,
    countryName: countryName(row.country),
    placeName: row.place_name,
    eventDate: row.event_date,
    receivedDate: row.received_date,
    kind: row.kind,
    crimeTypes: row.crime_types,
    indicatorIds: row.indicator_ids,
    source: presentItemSource(
      reliability,
      row.source_name_enc === null
        ? null
        : { id: row.source_id, name: sourceName, kind: row.source_kind as SourceKind },
    ),
    credibility: row.credibility,
    grade,
    gradeMeaning: describeGrade(grade),
    classification: row.classification,
    eventType: row.event_type,
    cases: row.case_links,
    titleHighlight: toSegments(row.title_headline, row.title),
    snippet: toSegments(row.description_headline, plainSnippet),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Column of each editable scalar field. */
export const SCALAR_COLUMNS = {
  title: 'title',
  description: 'description',
  country: 'country',
  adminArea: 'admin_area',
  placeName: 'place_name',
  latitude: 'latitude',
  longitude: 'longitude',
  eventDate: 'event_date',
  receivedDate: 'received_date',
  kind: 'kind',
  crimeTypes: 'crime_types',
  affectedGroups: 'affected_groups',
  credibility: 'credibility',
  consent: 'consent',
  classification: 'classification',
  eventType: 'event_type',
  eventSubtype: 'event_subtype',
  actorTypes: 'actor_types',
  timePrecision: 'time_precision',
  geoPrecision: 'geo_precision',
} as const satisfies Partial<Record<keyof ItemFieldsDto, string>>;
export type ScalarField = keyof typeof SCALAR_COLUMNS;

/** The editable fields of a row, under their API names. */
export function editableValues(row: ItemRow) {
  return {
    title: row.title,
    description: row.description,
    country: row.country,
    adminArea: row.admin_area,
    placeName: row.place_name,
    latitude: row.latitude,
    longitude: row.longitude,
    eventDate: row.event_day,
    receivedDate: row.received_day,
    kind: row.kind,
    crimeTypes: row.crime_types,
    affectedGroups: row.affected_groups,
    credibility: row.credibility,
    consent: row.consent,
    classification: row.classification,
    eventType: row.event_type,
    eventSubtype: row.event_subtype,
    actorTypes: row.actor_types,
    timePrecision: row.time_precision,
    geoPrecision: row.geo_precision,
  } satisfies Record<ScalarField, JsonValue>;
}

export function presentScalars(row: ItemRow) {
  return {
    id: row.id,
    ...editableValues(row),
    countryName: countryName(row.country),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The item with this id in full, optionally locked (`FOR UPDATE OF i`); undefined when there is
 * none or the id is not a UUID. Callers decide what the caller may see of it.
 */
export async function findItemRow(
  m: EntityManager,
  id: string,
  lock: boolean,
): Promise<ItemRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = (await m.query(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.id = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
    [id],
  )) as ItemRow[];
  return row;
}

/** What a new item's row holds; `receivedDate` null means today. */
export interface NewItemRow {
  title: string;
  description: string;
  country: string;
  adminArea: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  eventDate: string;
  receivedDate: string | null;
  kind: string;
  crimeTypes: string[];
  affectedGroups: string[];
  sourceId: string;
  sourceReliability: Reliability;
  credibility: number;
  consent: string;
  classification: Classification;
  eventType: string | null;
  eventSubtype: string | null;
  actorTypes: string[];
  timePrecision: number | null;
  geoPrecision: number | null;
  createdBy: string;
}

/** Inserts an item (without its indicators and case links); returns its id. */
export async function insertItem(m: EntityManager, item: NewItemRow): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    m,
    `INSERT INTO information_items (title, description, country, admin_area, place_name, latitude, longitude,
           event_date, received_date, kind, crime_types, affected_groups, source_id, source_reliability, credibility,
           consent, classification, event_type, event_subtype, actor_types, time_precision, geo_precision, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9::date, current_date), $10, $11, $12, $13, $14, $15,
           $16, $17, $18, $19, $20, $21, $22, $23)
         RETURNING id`,
    [
      item.title,
      item.description,
      item.country,
      item.adminArea,
      item.placeName,
      item.latitude,
      item.longitude,
      item.eventDate,
      item.receivedDate,
      item.kind,
      item.crimeTypes,
      item.affectedGroups,
      item.sourceId,
      item.sourceReliability,
      item.credibility,
      item.consent,
      item.classification,
      item.eventType,
      item.eventSubtype,
      item.actorTypes,
      item.timePrecision,
      item.geoPrecision,
      item.createdBy,
    ],
  );
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/**
 * Writes every editable scalar field of an item, its source and grade's reliability, and bumps
 * its version.
 */
export async function updateItem(
  m: EntityManager,
  id: string,
  values: Record<ScalarField, JsonValue>,
  source: { id: string; reliability: Reliability },
  updatedBy: string,
): Promise<void> {
  const columns = Object.entries(SCALAR_COLUMNS) as [ScalarField, string][];
  await m.query(
    `UPDATE information_items SET ${columns.map(([, col], n) => `${col} = $${n + 2}`).join(', ')},
           source_id = $${columns.length + 2}, source_reliability = $${columns.length + 3},
           updated_by = $${columns.length + 4}, version = version + 1, updated_at = now()
         WHERE id = $1`,
    [id, ...columns.map(([field]) => values[field]), source.id, source.reliability, updatedBy],
  );
}
