import { coversSql } from '../authorization/case-readers.sql.js';
import type { SqlFieldMap } from '../authorization/rules-to-sql.js';

/**
 * SQL array of the cases user `:param` works: leads or is a member of, within their clearance (a
 * member whose case was classified above them no longer works it, and what it gave them goes).
 * It does not depend on the row, so PostgreSQL computes it once per query (an InitPlan) and each
 * row's test is an index probe; a correlated test of lead or membership per linked case made every
 * analyst search scan all links.
 */
export function workedCasesSql(param: string): string {
  return `ARRAY(SELECT w.id FROM (
      SELECT wc.id, wc.classification FROM cases wc WHERE wc.lead_analyst_id = :${param}
      UNION SELECT mc.id, mc.classification FROM case_members wm JOIN cases mc ON mc.id = wm.case_id
        WHERE wm.user_id = :${param}) w
    JOIN users wu ON wu.id = :${param} WHERE ${coversSql('wu.clearance', 'w.classification')})`;
}

/** Ability fields of an information item, as SQL over `information_items i`. */
export const ITEM_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'i.id' },
  classification: { column: 'i.classification' },
  createdBy: { column: 'i.created_by' },
  caseWorkerIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM information_item_cases ic WHERE ic.item_id = i.id
        AND ic.case_id = ANY (${workedCasesSql(param)}))`,
  },
};

/**
 * A source's effective classification over `sources s`: the highest among the items that cite it,
 * unclassified when none does. The three levels (a CHECK on the column) sort as text as
 * 'confidential' < 'strictly_confidential' < 'unclassified', so the classified ones are those
 * below 'unclassified' and the highest of them is their max(): one backward probe of the
 * (source_id, classification) index, whatever the statistics say. (An EXISTS per level was
 * planned as a sequential scan when few sources are cited by many items, and then read the whole
 * table for every source cited by none: 27 s for 500 such sources against 200,000 items.)
 */
export const SOURCE_CLASSIFICATION_SQL = `COALESCE((SELECT max(sx.classification)
    FROM information_items sx WHERE sx.source_id = s.id AND sx.classification < 'unclassified'),
    'unclassified')`;

/** Ability fields of a source, as SQL over `sources s`. */
export const SOURCE_SQL_FIELDS: SqlFieldMap = {
  id: { column: 's.id' },
  classification: { column: SOURCE_CLASSIFICATION_SQL },
  createdBy: { column: 's.created_by' },
  caseWorkerIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM information_item_cases sc JOIN information_items si ON si.id = sc.item_id
        WHERE si.source_id = s.id AND sc.case_id = ANY (${workedCasesSql(param)}))`,
  },
};
