import type { SqlFieldMap } from '../authorization/rules-to-sql.js';

/**
 * SQL array of the cases user `:param` leads or is a member of. It does not depend on the row, so
 * PostgreSQL computes it once per query (an InitPlan) and each row's test is an index probe; a
 * correlated test of lead or membership per linked case made every analyst search scan all links.
 */
export function workedCasesSql(param: string): string {
  return `ARRAY(SELECT wc.id FROM cases wc WHERE wc.lead_analyst_id = :${param}
    UNION SELECT wm.case_id FROM case_members wm WHERE wm.user_id = :${param})`;
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

/** Ability fields of a source, as SQL over `sources s`. */
export const SOURCE_SQL_FIELDS: SqlFieldMap = {
  id: { column: 's.id' },
  createdBy: { column: 's.created_by' },
  caseWorkerIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM information_item_cases sc JOIN information_items si ON si.id = sc.item_id
        WHERE si.source_id = s.id AND sc.case_id = ANY (${workedCasesSql(param)}))`,
  },
};
