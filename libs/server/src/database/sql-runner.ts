import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from './named-query.js';

/**
 * Runs one statement with positional parameters and gives back its rows. Stores that must also
 * serve code outside Nest (the command line, benchmarks, test factories) take one of these, so the
 * same SQL runs on a TypeORM manager inside a transaction or on a plain `pg` client.
 */
export type SqlRunner = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

/** A runner on a TypeORM manager or data source (inside its transaction, if any). */
export function sqlOn(manager: EntityManager | DataSource): SqlRunner {
  return <T>(sql: string, params: unknown[] = []) => queryRows<T>(manager, sql, params);
}

/** What `pg`'s Pool and Client have in common. */
export interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** A runner on a `pg` pool or client. */
export function sqlOnPg(client: PgQueryable): SqlRunner {
  return async <T>(sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];
}
