import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadConfig } from '@vigil/server';
import { sqlOnPg } from '../../libs/server/src/database/sql-runner.js';
import { startTestApi } from '../support/api.js';
import { buildUser, testPool } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { processEnv } from '../support/processes.js';
import { testSourceStore } from '../support/sources.js';
import { freePort } from '../../tools/db/net-ports.js';

// A wrong or missing data key never starts the api half-working (issue 14, item 3): the process
// exits with a message naming the variable or the key, and never answers a request. On a
// database of its own: the checks record key ids.

const K1 = 'k1:LRALoplAgXU5U0wdud5kzj0vEyxbxhdSysOB/PMlI8A=';
/** The same id with other bytes. */
const K1_WRONG = 'k1:+6xUiwC26pDYnSWZ6+KeYLWfDp15x38ZU3NpnaxM558=';
const K2 = 'k2:6/tncfya/qfOa3V0fwxfrqE0mSVs4VprOguKwu+xSko=';
const MAIN = ['--import', '@swc-node/register/esm-register', 'apps/api/src/main.ts'];

let own: OwnDatabase;

beforeAll(async () => {
  own = await ownDatabase();
  // An api that ran with k1 recorded its check value; a source is encrypted under it.
  const api = await startTestApi({ VIGIL_DATA_KEY: K1 });
  await api.close();
  const author = await buildUser({ roles: ['analyst'] });
  await testSourceStore(K1).insert(sqlOnPg(testPool()), {
    name: 'Kept under k1',
    contactNotes: '',
    kind: 'media',
    reliability: 'B',
    createdBy: author.id,
  });
});

afterAll(async () => {
  await own.drop();
});

/** Runs the api process with `env`; reports how it ended and whether it ever answered. */
async function runApi(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, MAIN, {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let served = false;
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 60_000;
  while (!done && Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${port}/api/health/live`).catch(() => null);
    if (res) served = true;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!done) child.kill('SIGKILL');
  const [code] = await exited;
  return { code, stderr, served };
}

describe('the api refuses to start', () => {
  it('without VIGIL_DATA_KEY, saying how to make one', async () => {
    const env = processEnv();
    delete env.VIGIL_DATA_KEY;
    const result = await runApi(env);
    expect(result).toMatchObject({ code: 78, served: false });
    expect(result.stderr).toContain(
      'VIGIL_DATA_KEY: is required: must be id:base64key[,id:base64key…] with 32-byte keys; generate one with `npm run vigil -- keys:generate`',
    );
  }, 60_000);

  it('with a malformed VIGIL_DATA_KEY, naming the entry and never echoing key material', async () => {
    const result = await runApi(processEnv({ VIGIL_DATA_KEY: `${K1},k2:${K2.slice(3, 30)}` }));
    expect(result).toMatchObject({ code: 78, served: false });
    expect(result.stderr).toMatch(
      /VIGIL_DATA_KEY: must be id:base64key.*\(key 'k2' is 20 bytes, not 32\)/,
    );
    expect(result.stderr).not.toContain(K2.slice(3, 30));
    expect(result.stderr).not.toContain(K1.slice(3));
  }, 60_000);

  it('with the wrong bytes under a key id the database knows', async () => {
    const result = await runApi(processEnv({ VIGIL_DATA_KEY: `${K1_WRONG}` }));
    expect(result).toMatchObject({ code: 78, served: false });
    expect(result.stderr).toContain(
      "VIGIL_DATA_KEY: key 'k1' is not the key first used under that id",
    );
    expect(result.stderr).not.toContain(K1_WRONG.slice(3));
  }, 60_000);

  it('without a key that stored source identities are encrypted under', async () => {
    const result = await runApi(processEnv({ VIGIL_DATA_KEY: K2 }));
    expect(result).toMatchObject({ code: 78, served: false });
    expect(result.stderr).toContain(
      "Source identities are encrypted under key 'k1', which VIGIL_DATA_KEY does not hold: add it back; a key can be removed only after `keys:rotate` moved every value off it",
    );
  }, 60_000);

  it('with a retired key first, in process too', async () => {
    await testPool().query(`UPDATE data_keys SET retired_at = now() WHERE id = 'k1'`);
    try {
      await expect(startTestApi({ VIGIL_DATA_KEY: K1 })).rejects.toThrow(
        "VIGIL_DATA_KEY: the active (first) key 'k1' was retired with keys:retire; put a current key first",
      );
    } finally {
      await testPool().query(`UPDATE data_keys SET retired_at = NULL WHERE id = 'k1'`);
    }
  });

  it('and starts with the right keys, old ones after the new (k2 is recorded on first use)', async () => {
    const api = await startTestApi({ VIGIL_DATA_KEY: `${K2},${K1}` });
    await api.close();
    const { rows } = await testPool().query<{ id: string }>('SELECT id FROM data_keys ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(['k1', 'k2']);
  });
});

describe('the worker', () => {
  it('needs no data key: it never reads a source', () => {
    const env = processEnv();
    delete env.VIGIL_DATA_KEY;
    expect(() => loadConfig(env, { dataKey: 'optional' })).not.toThrow();
    expect(() => loadConfig(env)).toThrow(/VIGIL_DATA_KEY: is required/);
  });
});
