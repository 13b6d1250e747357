import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { TEST_DATA_KEY } from '../support/test-config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAIN = ['--import', '@swc-node/register/esm-register', 'apps/api/src/main.ts'];
const GOOD_SECRET = 'a-valid-secret-a-valid-secret-a-valid-0123';

/** A minimal environment: nothing leaks in from the test runner's own variables. */
function env(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TZ: 'UTC', ...vars };
}

function runMain(vars: Record<string, string>) {
  return spawnSync(process.execPath, MAIN, {
    cwd: ROOT,
    env: env(vars),
    timeout: 20_000,
    encoding: 'utf8',
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('configuration is validated at start', () => {
  it('refuses a short JWT_SECRET, naming it, with a non-zero exit', () => {
    const result = runMain({
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
      JWT_SECRET: 'short',
      PORT: '0',
    });
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(result.stderr).not.toMatch(/DATABASE_URL/);
    expect(result.stdout).toBe('');
  });

  it('refuses a missing DATABASE_URL, naming it', () => {
    const result = runMain({ JWT_SECRET: GOOD_SECRET, PORT: '0' });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/DATABASE_URL: is required/);
    expect(result.stderr).not.toMatch(/JWT_SECRET/);
  });

  it('names every bad variable at once', () => {
    const result = runMain({
      DATABASE_URL: 'mysql://x@y/z',
      JWT_SECRET: GOOD_SECRET,
      PORT: 'eighty',
      CORS_ORIGINS: 'not a url',
      LOG_LEVEL: 'loud',
    });
    expect(result.status).toBe(78);
    for (const name of ['DATABASE_URL', 'PORT', 'CORS_ORIGINS', 'LOG_LEVEL']) {
      // One line per variable ("CORS_ORIGINS.0:" points into the list).
      expect(result.stderr).toMatch(new RegExp(`^  ${name}(\\.\\d+)?: `, 'm'));
    }
    // Secrets are not echoed back.
    expect(result.stderr).not.toContain(GOOD_SECRET);
  });
});

describe('a running api', () => {
  it('logs JSON lines with the request id and exits 0 on SIGTERM', async () => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    if (!databaseUrl) throw new Error('TEST_DATABASE_URL is missing');
    const port = await freePort();
    const child = spawn(process.execPath, MAIN, {
      cwd: ROOT,
      env: env({
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: GOOD_SECRET,
        VIGIL_DATA_KEY: TEST_DATA_KEY,
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;

    try {
      const requestId = `sigterm-${randomUUID()}`;
      let health: Response | null = null;
      for (let i = 0; i < 100 && !health; i += 1) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`, {
          headers: { 'x-request-id': requestId },
        }).catch(() => null);
        if (!health) await new Promise((resolve) => setTimeout(resolve, 150));
        if (child.exitCode !== null) throw new Error(`api exited early: ${stderr}`);
      }
      expect(health?.status).toBe(200);
      expect(await health?.json()).toEqual({ status: 'ok', database: 'up' });
      expect(health?.headers.get('x-request-id')).toBe(requestId);

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const [code, signal] = await Promise.race([
        exited,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no exit within 10 s of SIGTERM')), 10_000),
        ),
      ]);
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(Date.now() - signalledAt).toBeLessThan(10_000);

      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(0);
      const records = lines.map(
        (line) => JSON.parse(line) as { reqId?: string; msg?: string; level: number },
      );
      const forRequest = records.filter((r) => r.reqId === requestId);
      expect(forRequest.map((r) => r.msg)).toEqual(
        expect.arrayContaining(['incoming request', 'request completed']),
      );
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
