import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

/** The repository's formatting, so `npm run format:check` passes on what was generated. */
async function formatted(file: string, text: string): Promise<string> {
  // Resolved from the repository, also when MIGRATIONS_DIR points elsewhere.
  const options = await prettier.resolveConfig(join(process.cwd(), 'migrations', 'index.ts'));
  return prettier.format(text, { ...options, filepath: file });
}

/**
 * Writes a timestamped migration skeleton and registers it in `index.ts`. Migrations here are
 * SQL written by hand: the entities do not describe the indexes, checks, triggers and tables
 * that live only in SQL, so a TypeORM schema diff would propose dropping them.
 */
export async function newMigration(
  name: string,
  dir = process.env.MIGRATIONS_DIR ?? 'migrations',
): Promise<string> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error(
      'Give the migration a PascalCase name: npm run migration:generate -- AddSources',
    );
  }
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const base = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
  writeFileSync(
    join(dir, `${base}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** TODO: say what this migration changes and why. */
export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
  );
  const indexFile = join(dir, 'index.ts');
  const index = readFileSync(indexFile, 'utf8');
  const registered = index
    .replace(
      /^(import [^\n]+\n)(?![\s\S]*^import )/m,
      `$1import { ${className} } from './${base}.js';\n`,
    )
    .replace(/export const MIGRATIONS = \[([^\]]*)\];/, (_m, list: string) => {
      const items = list.trim().replace(/,\s*$/, '');
      return `export const MIGRATIONS = [${items ? `${items}, ` : ''}${className}];`;
    });
  writeFileSync(indexFile, await formatted(indexFile, registered));
  return join(dir, `${base}.ts`);
}
