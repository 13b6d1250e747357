import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { chainHash, GENESIS_HASH } from '../../libs/server/src/audit/audit-chain.js';
import { AuditService, type AuditRecord } from '../../libs/server/src/audit/audit.service.js';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { migrate } from '../../tools/db/migrate.js';
import { sessionFor, startTestApi, type TestApi } from '../support/api.js';
import { closeTestPool } from '../support/factories.js';

/**
 * Tampering breaks the chain for everyone who shares a database, so this file builds its own
 * database (migrated like the run's) and drops it at the end.
 */
const dbName = `vigil_audit_chain_${Date.now()}_${randomUUID().slice(0, 8)}`;

function urlFor(base: string | undefined, database: string): string {
  if (!base)
    throw new Error('run through jest: TEST_DATABASE_URL / TEST_ADMIN_DATABASE_URL missing');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

let db: DataSource;
let audit: AuditService;
/** A superuser session on the chain's database, for tampering. */
let superuser: pg.Client;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = urlFor(process.env.TEST_DATABASE_URL, dbName);
  await migrate(url);
  db = new DataSource(dataSourceOptions(url, 4));
  await db.initialize();
  audit = new AuditService(db);
  superuser = new pg.Client({
    connectionString: urlFor(process.env.TEST_ADMIN_DATABASE_URL, dbName),
  });
  await superuser.connect();
});

afterAll(async () => {
  await superuser?.end();
  await db?.destroy();
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
  await closeTestPool();
});

let counter = 0;
function append(record: Partial<AuditRecord> = {}): Promise<void> {
  counter += 1;
  return db.transaction(async (m) => {
    audit.append(
      m,
      { actor: null, requestId: `req-${counter}` },
      {
        action: 'test.event',
        entity: 'thing',
        entityId: `thing-${counter}`,
        diff: {
          n: counter,
          nested: { list: [1, 'two', null], flag: true },
          text: 'üñíçødé "quoted"',
        },
        ...record,
      },
    );
  });
}

interface Row {
  seq: string;
  prev_hash: string;
  hash: string;
}

async function rows(): Promise<Row[]> {
  return (await db.query('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq')) as Row[];
}

async function count(): Promise<number> {
  const [row] = (await db.query('SELECT count(*)::int AS n FROM audit_log')) as { n: number }[];
  return row?.n ?? -1;
}

/** Runs `sql` as superuser with triggers off, as an intruder with database access would. */
async function tamper(sql: string, params: unknown[] = []): Promise<void> {
  await superuser.query('BEGIN');
  try {
    await superuser.query('SET LOCAL session_replication_role = replica');
    await superuser.query(sql, params);
    await superuser.query('COMMIT');
  } catch (error) {
    await superuser.query('ROLLBACK');
    throw error;
  }
}

/** Keeps a copy of one row, to put it back after a tamper test. */
async function backup(seq: number): Promise<() => Promise<void>> {
  const table = `backup_${seq}_${randomUUID().slice(0, 8)}`;
  await superuser.query(`CREATE TEMP TABLE ${table} AS SELECT * FROM audit_log WHERE seq = $1`, [
    seq,
  ]);
  return async () => {
    await tamper(`DELETE FROM audit_log WHERE seq = $1`, [seq]);
    await tamper(`INSERT INTO audit_log SELECT * FROM ${table}`);
    expect(await audit.verify()).toMatchObject({ ok: true, firstBrokenSeq: null });
  };
}

describe('appending', () => {
  it('an empty log verifies', async () => {
    expect(await audit.verify()).toEqual({
      ok: true,
      checked: 0,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('chains each entry to the one before, from the genesis hash, and verifies', async () => {
    for (let i = 0; i < 5; i += 1) await append();
    const chain = await rows();
    expect(chain.map((r) => r.seq)).toEqual(['1', '2', '3', '4', '5']);
    expect(chain[0]?.prev_hash).toBe(GENESIS_HASH);
    chain.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(chain[i]?.hash));
    expect(new Set(chain.map((r) => r.hash)).size).toBe(5);
    expect(await audit.verify()).toEqual({
      ok: true,
      checked: 5,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('keeps a gap-free chain under 20 concurrent writers', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => append({ action: `test.concurrent.${i}` })),
    );
    const chain = await rows();
    expect(chain).toHaveLength(before + 20);
    expect(chain.map((r) => Number(r.seq))).toEqual(chain.map((_, i) => i + 1));
    expect(await audit.verify()).toEqual({
      ok: true,
      checked: before + 20,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('refuses to append outside a transaction, and a rolled-back change leaves no entry', async () => {
    const before = await count();
    expect(() =>
      audit.append(db.manager, { actor: null, requestId: 'outside' }, { action: 'x', entity: 'y' }),
    ).toThrow(/inside the transaction/);
    await expect(
      db.transaction(async (m) => {
        audit.append(
          m,
          { actor: null, requestId: 'rolled-back' },
          { action: 'test.rollback', entity: 'thing' },
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    expect(await audit.verify()).toMatchObject({ ok: true, checked: before });
  });
  it('stays gap-free and valid after a rollback and with a second process appending', async () => {
    const before = await count();
    // A second service instance stands for another api process writing to the same chain.
    const other = new AuditService(db);
    const appendWith = (service: AuditService, action: string) =>
      db.transaction(async (m) => {
        service.append(m, { actor: null, requestId: action }, { action, entity: 'thing' });
      });
    await appendWith(audit, 'test.tip.a1');
    await expect(
      db.transaction(async (m) => {
        audit.append(
          m,
          { actor: null, requestId: 'rb' },
          { action: 'test.tip.rolled-back', entity: 'thing' },
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await appendWith(audit, 'test.tip.a2');
    await appendWith(other, 'test.tip.b1');
    await appendWith(audit, 'test.tip.a3');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        appendWith(i % 2 ? audit : other, `test.tip.mixed.${i}`),
      ),
    );
    const chain = await rows();
    expect(chain).toHaveLength(before + 14);
    expect(chain.map((r) => Number(r.seq))).toEqual(chain.map((_, i) => i + 1));
    const rolledBack = await db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.tip.rolled-back'",
    );
    expect(rolledBack[0].n).toBe(0);
    expect(await audit.verify()).toEqual({
      ok: true,
      checked: before + 14,
      firstBrokenSeq: null,
      reason: null,
    });
  });
});

describe('the log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through a normal connection', async () => {
    const before = await rows();
    await expect(db.query(`UPDATE audit_log SET diff = '{}'::jsonb WHERE seq = 2`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await rows()).toEqual(before);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});

describe('tampering is detected', () => {
  const SEQ = 3;

  it.each([
    ['diff', `diff = jsonb_set(diff, '{n}', '999')`],
    ['action', `action = 'test.innocent'`],
    ['entity', `entity = 'other'`],
    ['entity_id', `entity_id = 'thing-999'`],
    ['actor_id', `actor_id = '${randomUUID()}'`],
    ['case_id', `case_id = '${randomUUID()}'`],
    ['request_id', `request_id = 'forged'`],
    ['at', `at = at - interval '1 hour'`],
  ])('changing %s of one entry is reported at that entry', async (_column, set) => {
    const restore = await backup(SEQ);
    await tamper(`UPDATE audit_log SET ${set} WHERE seq = $1`, [SEQ]);
    const result = await audit.verify();
    expect(result).toEqual({
      ok: false,
      checked: SEQ - 1,
      firstBrokenSeq: SEQ,
      reason: expect.stringMatching(/altered/),
    });
    await restore();
  });

  it('a rewritten entry with a correctly recomputed hash is caught at the next entry', async () => {
    const restore = await backup(SEQ);
    const [prev] = (await db.query('SELECT hash FROM audit_log WHERE seq = $1', [SEQ - 1])) as {
      hash: string;
    }[];
    const [row] = (await db.query('SELECT * FROM audit_log WHERE seq = $1', [SEQ])) as {
      at: Date;
      actor_id: string | null;
      action: string;
      entity: string;
      entity_id: string | null;
      case_id: string | null;
      request_id: string | null;
    }[];
    if (!row || !prev) throw new Error('chain too short');
    const forgedDiff = { n: -1 };
    const forgedHash = chainHash(prev.hash, {
      seq: String(SEQ),
      at: row.at.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      caseId: row.case_id,
      diff: forgedDiff,
      requestId: row.request_id,
    });
    await tamper('UPDATE audit_log SET diff = $1::jsonb, hash = $2 WHERE seq = $3', [
      JSON.stringify(forgedDiff),
      forgedHash,
      SEQ,
    ]);
    // Entry 3 is self-consistent now; entry 4 still names the old hash.
    expect(await audit.verify()).toEqual({
      ok: false,
      checked: SEQ,
      firstBrokenSeq: SEQ + 1,
      reason: expect.stringMatching(/prev_hash/),
    });
    await restore();
  });

  it('deleting an entry in the middle is reported', async () => {
    const total = await count();
    const restore = await backup(SEQ);
    await tamper('DELETE FROM audit_log WHERE seq = $1', [SEQ]);
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(SEQ - 1);
    expect(result.firstBrokenSeq).toBe(SEQ + 1);
    expect(result.reason).toMatch(new RegExp(`entries ${SEQ} to ${SEQ} are missing`));
    await restore();
    expect(await audit.verify()).toEqual({
      ok: true,
      checked: total,
      firstBrokenSeq: null,
      reason: null,
    });
  });
});

describe('the shared test database', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.close();
  });

  it('verifies after real writes through the API', async () => {
    const admin = await sessionFor(api, { roles: ['admin'] });
    const created: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await api
        .http()
        .post('/api/users')
        .set(admin.auth())
        .send({
          email: `chain-${randomUUID().slice(0, 8)}@vigil.test`,
          displayName: `Chain ${i}`,
          password: 'a long enough password',
          roles: ['analyst'],
          clearance: 'unclassified',
          organisationId: admin.user.organisationId,
        });
      expect(res.status).toBe(201);
      created.push((res.body as { id: string }).id);
    }
    const entries = (await api.app
      .get(DataSource)
      .query(
        `SELECT seq FROM audit_log WHERE action = 'user.create' AND entity_id = ANY($1) ORDER BY seq`,
        [created],
      )) as { seq: string }[];
    expect(entries).toHaveLength(3);

    const result = await api.app.get(AuditService).verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null, reason: null });
    expect(result.checked).toBeGreaterThanOrEqual(Number(entries[2]?.seq));

    // The admin's route says the same.
    const viaHttp = await api.http().get('/api/audit/verify').set(admin.auth());
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
