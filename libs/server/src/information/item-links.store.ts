import type { Reliability } from '@vigil/domain';
import type { EntityManager } from 'typeorm';
import type { SqlCondition } from '../authorization/rules-to-sql.js';
import { caseReferenceOrderSql } from '../cases/case-reference.js';
import { namedQuery } from '../database/named-query.js';
import type { CaseLink } from './dto/item.response.js';

/**
 * What an information item refers to: its indicators, its source and the cases it is linked to.
 * The conditions (`acl`) are the caller's rules in SQL, over `sources s` or `cases c`.
 */

/** The ids among `ids` that the indicator catalogue holds. */
export async function knownIndicatorIds(
  m: EntityManager,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = (await m.query('SELECT id FROM indicators WHERE id = ANY($1::text[])', [
    [...ids],
  ])) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/** The source with this id and its reliability, when `acl` (over `sources s`) lets it be read. */
export async function readableSource(
  m: EntityManager,
  acl: SqlCondition,
  sourceId: string,
): Promise<{ id: string; reliability: Reliability } | undefined> {
  const [row] = await namedQuery<{ id: string; reliability: Reliability }>(
    m,
    `SELECT s.id, s.reliability FROM sources s WHERE s.id = :sourceId AND ${acl.sql}`,
    { ...acl.params, sourceId },
  );
  return row;
}

/** The ids among `caseIds` of cases that `acl` (over `cases c`) lets be read. */
export async function readableCaseIds(
  m: EntityManager,
  acl: SqlCondition,
  caseIds: readonly string[],
): Promise<Set<string>> {
  const rows = await namedQuery<{ id: string }>(
    m,
    `SELECT c.id FROM cases c WHERE c.id IN (:...caseIds) AND ${acl.sql}`,
    { ...acl.params, caseIds: [...caseIds] },
  );
  return new Set(rows.map((r) => r.id));
}

/** Id and reference of the cases among `caseIds` that `acl` lets be read, in reference order. */
export async function readableCaseLinks(
  m: EntityManager,
  acl: SqlCondition,
  caseIds: string[],
): Promise<CaseLink[]> {
  return namedQuery<CaseLink>(
    m,
    `SELECT c.id, c.reference FROM cases c WHERE c.id IN (:...caseIds) AND ${acl.sql} ORDER BY ${caseReferenceOrderSql('c')}`,
    { ...acl.params, caseIds },
  );
}

/** Replaces an item's indicators with `ids`. */
export async function setItemIndicators(
  m: EntityManager,
  itemId: string,
  ids: string[],
): Promise<void> {
  await m.query('DELETE FROM information_item_indicators WHERE item_id = $1', [itemId]);
  if (ids.length === 0) return;
  await m.query(
    'INSERT INTO information_item_indicators (item_id, indicator_id) SELECT $1, unnest($2::text[])',
    [itemId, ids],
  );
}

/** Links an item to a case (the case's timeline is the caller's to record). */
export async function insertItemCaseLink(
  m: EntityManager,
  itemId: string,
  caseId: string,
  linkedBy: string | null,
): Promise<void> {
  await m.query(
    'INSERT INTO information_item_cases (item_id, case_id, linked_by) VALUES ($1, $2, $3)',
    [itemId, caseId, linkedBy],
  );
}

/** Removes an item's links to these cases. */
export async function deleteItemCaseLinks(
  m: EntityManager,
  itemId: string,
  caseIds: string[],
): Promise<void> {
  await m.query(
    'DELETE FROM information_item_cases WHERE item_id = $1 AND case_id = ANY($2::uuid[])',
    [itemId, caseIds],
  );
}
