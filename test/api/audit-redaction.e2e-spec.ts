import { randomUUID } from 'node:crypto';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { openCase } from '../support/cases.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { type AuditItem, auditEntries } from '../support/http.js';
import { createSource, recordItem } from '../support/information.js';

// The audit log shows accountability, not content (issue 14, item 1): who, when, which action on
// which kind of record and its id always; the values only to a reader who may read that record
// now; source ids never to someone who may not read the source. Redaction happens when the log is
// read: the chain keeps every value and still verifies.

let api: TestApi;
let analyst: Session;
let admin: Session;
let auditor: Session;
const http = () => api.http();

beforeAll(async () => {
  api = await startTestApi();
  [analyst, admin, auditor] = await Promise.all([
    sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' }),
    // The demo administrator's clearance: unclassified.
    sessionFor(api, { roles: ['admin'], clearance: 'unclassified' }),
    // An administrator who also advises, cleared for everything: reads what an adviser reads.
    sessionFor(api, { roles: ['admin', 'adviser'], clearance: 'strictly_confidential' }),
  ]);
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

function only(entries: AuditItem[], entityId: string): AuditItem {
  const entry = entries.find((e) => e.entityId === entityId);
  if (!entry) throw new Error(`no audit entry for ${entityId}`);
  return entry;
}

describe('the administrator reads accountability, not content', () => {
  it('a strictly confidential item: who, when, action, kind and id; no title, no source id', async () => {
    const marker = `Mass graves near ${randomUUID().slice(0, 8)}`;
    const source = await createSource(api, analyst);
    const item = await recordItem(api, analyst, source.id, {
      title: marker,
      classification: 'strictly_confidential',
    });
    const entry = only(await auditEntries(api, admin, { action: 'information.create' }), item.id);
    expect(entry).toMatchObject({
      action: 'information.create',
      entity: 'information_item',
      entityId: item.id,
      actorId: analyst.user.id,
      diff: {},
      contentWithheld: true,
    });
    expect(entry.withheldFields).toEqual(
      expect.arrayContaining(['title', 'sourceId', 'classification']),
    );
    const text = JSON.stringify(entry);
    expect(text).not.toContain(marker);
    expect(text).not.toContain(source.id);
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);

    // The source's own entries: accountability only.
    const created = only(await auditEntries(api, admin, { action: 'source.create' }), source.id);
    expect(created).toMatchObject({ contentWithheld: true, diff: {} });
  });

  it('someone who may read the record sees its values', async () => {
    const marker = `Checkpoint ${randomUUID().slice(0, 8)}`;
    const source = await createSource(api, analyst);
    const item = await recordItem(api, analyst, source.id, {
      title: marker,
      classification: 'strictly_confidential',
    });
    const entry = only(await auditEntries(api, auditor, { action: 'information.create' }), item.id);
    expect(entry).toMatchObject({ contentWithheld: false, withheldFields: [] });
    expect(entry.diff).toMatchObject({ title: marker, sourceId: source.id });
  });

  it('a readable item whose source the reader may not read: everything but the source id', async () => {
    // Unclassified: every analyst and adviser reads the item; the source stays its recorder's.
    const lowAuditor = await sessionFor(api, {
      roles: ['admin', 'analyst'],
      clearance: 'confidential',
    });
    const source = await createSource(api, analyst);
    const marker = `Open report ${randomUUID().slice(0, 8)}`;
    const item = await recordItem(api, analyst, source.id, {
      title: marker,
      classification: 'unclassified',
    });
    const entry = only(
      await auditEntries(api, lowAuditor, { action: 'information.create' }),
      item.id,
    );
    expect(entry).toMatchObject({ contentWithheld: false, withheldFields: ['sourceId'] });
    expect(entry.diff).toMatchObject({ title: marker });
    expect(JSON.stringify(entry)).not.toContain(source.id);
  });

  it('case content (summary changes) is withheld; accounts stay readable to the administrator', async () => {
    const marker = `Summary ${randomUUID().slice(0, 8)}`;
    const c = await openCase(api, analyst, { classification: 'confidential', summary: marker });
    const entries = await auditEntries(api, admin, { entity: 'case', entityId: c.id });
    expect(entries.map((e) => e.action)).toEqual(['case.create']);
    expect(entries[0]).toMatchObject({ caseId: c.id, contentWithheld: true, diff: {} });
    expect(JSON.stringify(entries)).not.toContain(marker);

    const logins = await auditEntries(api, admin, {
      action: 'auth.login',
      entityId: analyst.user.id,
    });
    expect(logins[0]).toMatchObject({
      contentWithheld: false,
      diff: { email: analyst.user.email },
    });
  });

  it('filters are accountability fields only: no word of hidden content can be searched for', async () => {
    const res = await http().get('/api/audit').query({ q: 'graves' }).set(admin.auth());
    expect(res.status).toBe(400);
    const byDiff = await http().get('/api/audit').query({ diff: 'graves' }).set(admin.auth());
    expect(byDiff.status).toBe(400);
  });

  it('redaction is on reading: the stored entry keeps its values and the chain still verifies', async () => {
    const marker = `Kept ${randomUUID().slice(0, 8)}`;
    const source = await createSource(api, analyst);
    const item = await recordItem(api, analyst, source.id, {
      title: marker,
      classification: 'strictly_confidential',
    });
    const { rows } = await testPool().query<{ diff: { title: string } }>(
      "SELECT diff FROM audit_log WHERE entity_id = $1 AND action = 'information.create'",
      [item.id],
    );
    expect(rows[0]?.diff.title).toBe(marker);
    const verify = await http().get('/api/audit/verify').set(admin.auth());
    expect(verify.body).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
