import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import { AuditChainSubscriber } from '../audit/audit-chain-writer.js';

/**
 * Settings of every session the apps open. Searches sort and bitmap-scan more than the default
 * 4MB of work_mem holds at a million items: they spilled to disk and went lossy (bench/search).
 */
export const SESSION_OPTIONS = '-c work_mem=32MB';

/**
 * The one data-source definition, used by the Nest apps, the migration CLI, tests and benchmarks.
 * Schema changes only ever come from migrations; the migration tools pass the list in
 * (`migrations/index.ts`), the apps run none.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  migrations: (new () => MigrationInterface)[] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every statement is hand-written SQL in a store (docs/architecture.md §7).
    entities: [],
    // Writes each transaction's audit entries just before it commits (docs/architecture.md §12).
    subscribers: [AuditChainSubscriber],
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, application_name: 'vigil', options: SESSION_OPTIONS },
  };
}
