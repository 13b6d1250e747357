import { writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { openLocalDatabase } from './local-database.js';

const USAGE = 'usage: npm run db:migrate | db:revert | db:reset | migration:generate -- <Name>';

/** Database chores: migrate, revert the last migration, reset (revert all, migrate), generate. */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!command || !['migrate', 'revert', 'reset', 'generate'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const local = await openLocalDatabase(console.log);
  const db = new DataSource(dataSourceOptions(local.url, 2, MIGRATIONS));
  await db.initialize();
  try {
    if (command === 'migrate') {
      const applied = await db.runMigrations({ transaction: 'each' });
      console.log(
        applied.length
          ? `Applied: ${applied.map((m) => m.name).join(', ')}`
          : 'Database is up to date.',
      );
    } else if (command === 'revert') {
      await db.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last migration.');
    } else if (command === 'reset') {
      while ((await db.query('SELECT count(*)::int AS n FROM migrations'))[0].n > 0) {
        await db.undoLastMigration({ transaction: 'each' });
      }
      await db.runMigrations({ transaction: 'each' });
      console.log('Reverted every migration and applied them again.');
    } else {
      await generate(db, name);
    }
  } finally {
    await db.destroy();
    await local.release();
  }
}

// Writes the difference between the entities and the database as a new migration file.
async function generate(db: DataSource, name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Give the migration a PascalCase name: npm run migration:generate -- AddCases');
    process.exit(2);
  }
  const sql = await db.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) {
    console.log('No changes between the entities and the database.');
    return;
  }
  const stamp = Date.now();
  const lines = (queries: { query: string }[]) =>
    queries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
  const file = `migrations/${stamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`;
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
  );
  console.log(`Wrote ${file}. Review it, then add ${name}${stamp} to migrations/index.ts.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
