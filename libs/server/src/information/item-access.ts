import type { SqlFieldMap } from '../authorization/rules-to-sql.js';

/** SQL: whether user `:param` leads or is a member of case `caseExpr`. */
export function worksCaseSql(caseExpr: string, param: string): string {
  return `EXISTS (SELECT 1 FROM cases wc WHERE wc.id = ${caseExpr} AND (wc.lead_analyst_id = :${param}
    OR EXISTS (SELECT 1 FROM case_members wm WHERE wm.case_id = wc.id AND wm.user_id = :${param})))`;
}

/** Ability fields of an information item, as SQL over `information_items i`. */
export const ITEM_SQL_FIELDS: SqlFieldMap = {
  id: { column: 'i.id' },
  classification: { column: 'i.classification' },
  createdBy: { column: 'i.created_by' },
  caseWorkerIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM information_item_cases ic WHERE ic.item_id = i.id AND ${worksCaseSql('ic.case_id', param)})`,
  },
};

/** Ability fields of a source, as SQL over `sources s`. */
export const SOURCE_SQL_FIELDS: SqlFieldMap = {
  id: { column: 's.id' },
  createdBy: { column: 's.created_by' },
  caseWorkerIds: {
    contains: (param) =>
      `EXISTS (SELECT 1 FROM information_items si JOIN information_item_cases sc ON sc.item_id = si.id
        WHERE si.source_id = s.id AND ${worksCaseSql('sc.case_id', param)})`,
  },
};
