import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs SQL written with TypeORM named parameters (`:name`, `:...list`), the form the
 * authorization filters come in, so hand-written queries and ability filters compose.
 */
export async function namedQuery<T>(
  runner: DataSource | EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const driver = 'driver' in runner ? runner.driver : runner.connection.driver;
  const [query, values] = driver.escapeQueryWithParameters(sql, params);
  return (await runner.query(query, values)) as T[];
}

/**
 * Rows of any statement, UPDATE ... RETURNING included (TypeORM's plain `query` answers
 * `[rows, count]` for UPDATE and DELETE but bare rows for SELECT and INSERT).
 */
export async function queryRows<T>(
  manager: EntityManager | DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const inTransaction = 'queryRunner' in manager ? manager.queryRunner : undefined;
  const runner =
    inTransaction ??
    ('createQueryRunner' in manager
      ? manager.createQueryRunner()
      : manager.connection.createQueryRunner());
  try {
    const result = (await runner.query(sql, params, true)) as { records: T[] };
    return result.records;
  } finally {
    if (!inTransaction) await runner.release();
  }
}

/** What a store statement runs on: the data source, or a transaction's manager. */
export type Db = DataSource | EntityManager;
