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
