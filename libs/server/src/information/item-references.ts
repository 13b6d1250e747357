import { clearanceCovers, DomainError, type Classification, type Reliability } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import { abilityToSql } from '../authorization/rules-to-sql.js';
import { CASE_SQL_FIELDS } from '../cases/case.store.js';
import { isCountryCode } from '../cases/countries.js';
import type { RequestContext } from '../common/request-context.js';
import type { ItemFieldsDto } from './dto/item-input.dto.js';
import { SOURCE_SQL_FIELDS } from './item-access.sql.js';
import { knownIndicatorIds, readableCaseIds, readableSource } from './item-links.store.js';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `${field}: ${message}`, [{ field, message }]);

/** The fields a new item cannot do without, named in one message. */
export const REQUIRED_ITEM_FIELDS = [
  'title',
  'description',
  'country',
  'eventDate',
  'kind',
  'sourceId',
  'credibility',
  'consent',
] as const;

type RequiredItemField = (typeof REQUIRED_ITEM_FIELDS)[number];

/** An item body with every required field present. */
export type CompleteItemFields = ItemFieldsDto & {
  [K in RequiredItemField]-?: NonNullable<ItemFieldsDto[K]>;
};

export function assertRequired(dto: ItemFieldsDto): asserts dto is CompleteItemFields {
  const missing = REQUIRED_ITEM_FIELDS.filter((f) => dto[f] === undefined || dto[f] === null);
  if (missing.length > 0) {
    throw new DomainError(
      'validation_failed',
      `Missing: ${missing.join(', ')}.`,
      missing.map((field) => ({ field, message: 'is required' })),
    );
  }
}

/** Checks an item's values that depend on each other, the clearance and the country list. */
export function assertItemValues(
  context: RequestContext,
  v: {
    country: string;
    classification: Classification;
    eventType: string | null;
    eventSubtype: string | null;
    latitude: number | null;
    longitude: number | null;
  },
): void {
  if (!isCountryCode(v.country)) {
    throw invalid('country', `${v.country} is not an ISO 3166-1 alpha-3 country code`);
  }
  const clearance = context.actor?.clearance ?? 'unclassified';
  if (!clearanceCovers(clearance, v.classification)) {
    throw new DomainError(
      'forbidden',
      `Your clearance (${clearance}) does not allow classifying information ${v.classification}.`,
    );
  }
  if (v.eventSubtype !== null && v.eventType !== 'violence_against_civilians') {
    throw invalid('eventSubtype', 'is only for violence against civilians');
  }
  if ((v.latitude === null) !== (v.longitude === null)) {
    throw invalid('latitude', 'give both latitude and longitude, or neither');
  }
}

/** The indicator ids that are not in the catalogue table (re-keyable without a code change). */
export async function assertIndicators(m: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const known = await knownIndicatorIds(m, ids);
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw invalid(
      'indicatorIds',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an indicator' : 'are not indicators'} of the Framework of Analysis`,
    );
  }
}

/**
 * The source, if the caller may cite it: only a source whose identity they may read. Citing an
 * unknown source and linking the item to one's own case would otherwise reveal who it is.
 */
export async function citableSource(
  m: EntityManager,
  context: RequestContext,
  sourceId: string,
): Promise<{ id: string; reliability: Reliability }> {
  const acl = abilityToSql(context.ability, 'read', 'Source', SOURCE_SQL_FIELDS);
  const row = await readableSource(m, acl, sourceId);
  if (!row) throw invalid('sourceId', 'no source with this id that you may cite');
  return row;
}

/** Case links are only to cases the caller may read; a hidden case reads as absent. */
export async function assertLinkableCases(
  m: EntityManager,
  context: RequestContext,
  caseIds: readonly string[],
): Promise<void> {
  if (caseIds.length === 0) return;
  const acl = abilityToSql(context.ability, 'read', 'Case', CASE_SQL_FIELDS);
  const found = await readableCaseIds(m, acl, caseIds);
  const missing = caseIds.filter((id) => !found.has(id));
  if (missing.length > 0)
    throw invalid('caseIds', `no case ${missing.join(', ')} that you may read`);
}
