import { rulesToAST } from '@casl/ability/extra';
import type { Action, AppAbility, SubjectName } from '@vigil/domain';

/** How one ability field maps to SQL: a column, or a custom predicate (e.g. membership). */
export type SqlField = { column: string } | { contains: (param: string) => string };

/** Field name used in the rules → SQL for one aliased table. */
export type SqlFieldMap = Record<string, SqlField>;

/** A SQL condition with TypeORM named parameters, for `qb.andWhere(sql, params)`. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

interface AstNode {
  operator: string;
  value: unknown;
  field?: string;
}

/**
 * Translates the caller's rules for (action, subject) into a WHERE condition that selects exactly
 * the rows `ability.can(action, row)` allows. Lists filter in SQL with it, never in memory.
 * Each leaf is made two-valued (never NULL) so NOT and OR behave as CASL's in-memory checks do.
 * An operator or field it does not know is a programming error and throws: fail closed.
 */
export function abilityToSql(
  ability: AppAbility,
  action: Action,
  subject: SubjectName,
  fields: SqlFieldMap,
  paramPrefix = 'acl',
): SqlCondition {
  const ast = rulesToAST(ability, action, subject) as AstNode | null;
  if (ast === null) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  let counter = 0;
  const param = (value: unknown): string => {
    const name = `${paramPrefix}_${counter++}`;
    params[name] = value;
    return name;
  };

  const visit = (node: AstNode): string => {
    switch (node.operator) {
      case 'and':
      case 'or': {
        const children = node.value as AstNode[];
        if (children.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${children.map(visit).join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `(NOT ${visit((node.value as AstNode[])[0] as AstNode)})`;
      default:
        return leaf(node);
    }
  };

  const leaf = (node: AstNode): string => {
    const field = node.field === undefined ? undefined : fields[node.field];
    if (!field) throw new Error(`No SQL mapping for field "${String(node.field)}" of ${subject}`);
    if ('contains' in field) {
      if (node.operator !== 'eq')
        throw new Error(`Operator ${node.operator} unsupported on ${node.field}`);
      return `COALESCE(${field.contains(param(node.value))}, FALSE)`;
    }
    const col = field.column;
    switch (node.operator) {
      case 'eq':
        return `(${col} IS NOT DISTINCT FROM :${param(node.value)})`;
      case 'ne':
        return `(${col} IS DISTINCT FROM :${param(node.value)})`;
      case 'in':
      case 'nin': {
        // CASL matches null against a null in the list; SQL's IN never does, so test NULL apart.
        const values = node.value as unknown[];
        const present = values.filter((v) => v !== null);
        const tests =
          present.length > 0 ? [`COALESCE(${col} IN (:...${param(present)}), FALSE)`] : [];
        if (present.length < values.length) tests.push(`(${col} IS NULL)`);
        const within = tests.length > 0 ? `(${tests.join(' OR ')})` : 'FALSE';
        return node.operator === 'in' ? within : `(NOT ${within})`;
      }
      case 'lt':
      case 'lte':
      case 'gt':
      case 'gte': {
        const op = { lt: '<', lte: '<=', gt: '>', gte: '>=' }[node.operator];
        return `COALESCE(${col} ${op} :${param(node.value)}, FALSE)`;
      }
      default:
        throw new Error(`Operator ${node.operator} has no SQL translation`);
    }
  };

  return { sql: visit(ast), params };
}
