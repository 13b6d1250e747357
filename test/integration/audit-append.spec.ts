import { DataSource } from 'typeorm';
import { AuditService, type AuditRecord } from '../../libs/server/src/audit/audit.service.js';
import { dataSourceOptions } from '../../libs/server/src/database/data-source.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';

/**
 * How a transaction's audit entries reach the chain (AuditChainSubscriber and audit_append): on a
 * database of this file's own, so the whole chain can be verified after each test.
 */
let own: OwnDatabase;
let db: DataSource;
let audit: AuditService;

beforeAll(async () => {
  own = await ownDatabase();
  db = new DataSource(dataSourceOptions(own.url, 4));
  await db.initialize();
  audit = new AuditService(db);
});

afterAll(async () => {
  await db?.destroy();
  await own?.drop();
});

describe('entries of one transaction', () => {
  const record = (action: string): AuditRecord => ({ action, entity: 'thing' });
  const actions = async (prefix: string): Promise<string[]> =>
    (
      (await db.query('SELECT action FROM audit_log WHERE action LIKE $1 ORDER BY seq', [
        `${prefix}%`,
      ])) as { action: string }[]
    ).map((r) => r.action);

  it('are written at commit, consecutively and in the order they were appended', async () => {
    await db.transaction(async (m) => {
      for (const n of [1, 2, 3])
        audit.append(m, { actor: null, requestId: 'many' }, record(`test.many.${n}`));
      // Not written yet: the chain's lock is taken only as the transaction commits.
      const [written] = (await m.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'test.many.%'",
      )) as { n: number }[];
      expect(written?.n).toBe(0);
    });
    const seqs = (await db.query(
      "SELECT seq::int AS seq FROM audit_log WHERE action LIKE 'test.many.%' ORDER BY seq",
    )) as { seq: number }[];
    expect(await actions('test.many.')).toEqual(['test.many.1', 'test.many.2', 'test.many.3']);
    expect(seqs.map((r) => r.seq - (seqs[0]?.seq ?? 0))).toEqual([0, 1, 2]);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('appended inside a savepoint that rolls back are dropped; the rest are kept', async () => {
    await db.transaction(async (m) => {
      audit.append(m, { actor: null, requestId: 'sp' }, record('test.savepoint.before'));
      await expect(
        m.transaction(async (inner) => {
          audit.append(inner, { actor: null, requestId: 'sp' }, record('test.savepoint.dropped'));
          throw new Error('the inner change failed');
        }),
      ).rejects.toThrow('the inner change failed');
      await m.transaction(async (inner) => {
        audit.append(inner, { actor: null, requestId: 'sp' }, record('test.savepoint.kept'));
      });
      audit.append(m, { actor: null, requestId: 'sp' }, record('test.savepoint.after'));
    });
    expect(await actions('test.savepoint.')).toEqual([
      'test.savepoint.before',
      'test.savepoint.kept',
      'test.savepoint.after',
    ]);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });
});
