import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { closeTestPool } from '../support/factories.js';
import { TEST_DATA_KEY } from '../support/test-config.js';

// The command line as an operator uses it: real processes against a scratch database.
const dbName = `vigil_cli_${Date.now()}`;
let url: string;

function urlFor(base: string | undefined, database: string): string {
  const u = new URL(base ?? '');
  u.pathname = `/${database}`;
  return u.toString();
}

interface Run {
  code: number | null;
  out: string;
}

/**
 * Each command is a new process that compiles the server's TypeScript as it loads: 5–10 s on a
 * quiet 2-core machine, 20 s or more beside a full test run. A test's time limit is this budget
 * per command it runs, so only a command that hangs fails it.
 */
const PER_COMMAND_MS = 30_000;

function npm(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', ...args], {
      env: { ...process.env, DATABASE_URL: url, VIGIL_DATA_KEY: TEST_DATA_KEY, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function tables(): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT name FROM migrations ORDER BY id',
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  url = urlFor(process.env.TEST_DATABASE_URL, dbName);
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await closeTestPool();
});

it(
  'migrates, reverts the last migration and migrates again',
  async () => {
    const migrated = await npm(['db:migrate']);
    expect(migrated).toMatchObject({ code: 0 });
    expect(migrated.out).toMatch(/Applied: Foundation\d+, CasesWorkflow\d+/);
    const applied = await tables();
    expect(applied.length).toBeGreaterThanOrEqual(2);

    const reverted = await npm(['db:revert']);
    expect(reverted).toMatchObject({ code: 0 });
    expect(await tables()).toEqual(applied.slice(0, -1));

    expect((await npm(['db:migrate'])).out).toMatch(/Applied: /);
    expect(await tables()).toEqual(applied);
    expect((await npm(['db:migrate'])).out).toMatch(/up to date/);
  },
  4 * PER_COMMAND_MS,
);

it(
  'writes a new migration skeleton and registers it after the existing ones',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-migrations-'));
    try {
      copyFileSync('migrations/index.ts', join(dir, 'index.ts'));
      const before = readFileSync(join(dir, 'index.ts'), 'utf8');
      const made = await npm(['migration:generate', '--', 'AddSources'], { MIGRATIONS_DIR: dir });
      expect(made).toMatchObject({ code: 0 });
      const file = readdirSync(dir).find((f) => f.endsWith('-add-sources.ts'));
      expect(file).toBeDefined();
      const source = readFileSync(join(dir, file ?? ''), 'utf8');
      const className = /export class (AddSources\d+) implements MigrationInterface/.exec(
        source,
      )?.[1];
      expect(className).toBeDefined();
      expect(source).toMatch(/async down\(q: QueryRunner\)/);
      const index = readFileSync(join(dir, 'index.ts'), 'utf8');
      expect(index).toContain(`import { ${className} } from './${file?.replace(/\.ts$/, '.js')}';`);
      const list = /export const MIGRATIONS = \[([^\]]*)\]/.exec(index)?.[1] ?? '';
      const previous = /export const MIGRATIONS = \[([^\]]*)\]/.exec(before)?.[1] ?? '';
      const names = (text: string) =>
        text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
      expect(names(list)).toEqual([...names(previous), className]);
      const bad = await npm(['migration:generate', '--', 'not-pascal'], { MIGRATIONS_DIR: dir });
      expect(bad.code).not.toBe(0);
      expect(bad.out).toMatch(/PascalCase/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  2 * PER_COMMAND_MS,
);

it(
  'creates a user and verifies the audit chain from the command line',
  async () => {
    await npm(['db:migrate']);
    const seeded = (await npm(['vigil', '--', 'seed'])).out;
    expect(seeded).toMatch(/Seeded 27 organisations and 8 users/);
    // Demo content goes only into a database without situations, so a second seed adds nothing.
    expect(seeded).toMatch(
      /Seeded demo content: 3 situations \(one shared with the Framework Team\), 7 information items, 3 finalised risk assessments, 2 comments, a draft advice, a recommendation and an engagement/,
    );
    expect((await npm(['vigil', '--', 'seed'])).out).toMatch(
      /No demo content added: the database already has situations/,
    );
    const created = await npm([
      'vigil',
      '--',
      'user:create',
      '--email',
      'cli.person@vigil.test',
      '--name',
      'Cli Person',
      '--role',
      'analyst',
      'adviser',
      '--clearance',
      'confidential',
      '--organisation',
      'OSAPG',
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(
      /Created cli\.person@vigil\.test \(analyst, adviser, confidential, OSAPG\)/,
    );
    expect(created.out).toMatch(/Initial password: \S{12,}/);

    const again = await npm([
      'vigil',
      '--',
      'user:create',
      '--email',
      'cli.person@vigil.test',
      '--name',
      'X',
      '--role',
      'analyst',
    ]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already exists/);
    // The operator's passwords pass the same strength check as the api's.
    const weak = await npm([
      'vigil',
      '--',
      'user:create',
      '--email',
      'weak.person@vigil.test',
      '--name',
      'Weak Person',
      '--role',
      'analyst',
      '--password',
      'password1234',
    ]);
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/too easy to guess.*commonly used password/);
    const badRole = await npm([
      'vigil',
      '--',
      'user:create',
      '--email',
      'b@vigil.test',
      '--name',
      'B',
      '--role',
      'king',
    ]);
    expect(badRole.code).not.toBe(0);
    expect(badRole.out).toMatch(/king/);

    const verified = await npm(['vigil', '--', 'audit:verify']);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/Audit chain intact: \d+ entries checked/);

    // Break the chain as a superuser would, past the trigger: the command says where, and fails.
    const admin = new pg.Client({
      connectionString: urlFor(process.env.TEST_ADMIN_DATABASE_URL, dbName),
    });
    await admin.connect();
    await admin.query('SET session_replication_role = replica');
    await admin.query(`UPDATE audit_log SET action = 'forged' WHERE seq = 3`);
    await admin.end();
    const broken = await npm(['vigil', '--', 'audit:verify']);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at entry #3/);
  },
  9 * PER_COMMAND_MS,
);

it(
  'generates, rotates, reports and retires data keys',
  async () => {
    // The demo content seeded above: 3 sources under the test key 'test'.
    const generated = await npm(['vigil', '--', 'keys:generate']);
    expect(generated).toMatchObject({ code: 0 });
    const entry = /^(k\d{8}-[0-9a-f]{4}):[A-Za-z0-9+/]{43}=$/m.exec(generated.out);
    if (!entry) throw new Error(`no key entry in: ${generated.out}`);
    const [line, id] = entry;
    const both = { VIGIL_DATA_KEY: `${line},${TEST_DATA_KEY}` };

    const before = await npm(['vigil', '--', 'keys:status']);
    expect(before.out).toMatch(/^test\t3\tyes\tyes\tok\t-$/m);
    expect((await npm(['vigil', '--', 'keys:retire', 'test'])).out).toMatch(/is the active key/);
    const inUse = await npm(['vigil', '--', 'keys:retire', 'test'], both);
    expect(inUse.code).toBe(1);
    expect(inUse.out).toMatch(/3 source identities are still encrypted under key 'test'/);

    const rotated = await npm(['vigil', '--', 'keys:rotate', '--batch-size', '2'], both);
    expect(rotated).toMatchObject({ code: 0 });
    expect(rotated.out).toContain('2 / 3 values re-encrypted');
    expect(rotated.out).toContain('3 / 3 values re-encrypted');
    expect(rotated.out).toContain(`Done: 3 source identities re-encrypted under '${id}'.`);

    const after = await npm(['vigil', '--', 'keys:status'], both);
    expect(after.out).toMatch(new RegExp(`^${id}\\t3\\tyes\\tyes\\tok\\t-$`, 'm'));
    expect(after.out).toMatch(/^test\t0\tyes\tno\tok\t-$/m);
    const retired = await npm(['vigil', '--', 'keys:retire', 'test'], both);
    expect(retired).toMatchObject({ code: 0 });
    expect(retired.out).toContain("Key 'test' is retired: no source identity uses it.");
    expect(retired.out).toContain("Remove 'test' from VIGIL_DATA_KEY");

    // With the old key only, the services refuse to start: the sources are under the new one.
    const refused = await npm(['vigil', '--', 'seed']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      `Source identities are encrypted under key '${id}', which VIGIL_DATA_KEY does not hold`,
    );
  },
  8 * PER_COMMAND_MS,
);
