import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SourceBody } from '../support/information.js';
import { DataKeyring } from '../../libs/server/src/common/crypto/data-keys.js';
import { sqlOnPg } from '../../libs/server/src/database/sql-runner.js';
import {
  dataKeyStatus,
  retireDataKey,
  rotateDataKeys,
} from '../../libs/server/src/sources/key-rotation.js';
import { SourceCipher, type SourceIdentity } from '../../libs/server/src/sources/source-cipher.js';
import { signIn, startTestApi, type Session, type TestApi } from '../support/api.js';
import { buildUser, testPool, type BuiltUser } from '../support/factories.js';
import { ownDatabase, type OwnDatabase } from '../support/own-database.js';
import { testSourceStore } from '../support/sources.js';

// `keys:rotate` (issue 14, item 3): re-encryption in batches, resumable after a crash, and safe
// while the api creates and edits sources. On a database of its own: it rotates every source.

const K1 = 'k1:+6xUiwC26pDYnSWZ6+KeYLWfDp15x38ZU3NpnaxM558=';
const K2 = 'k2:6/tncfya/qfOa3V0fwxfrqE0mSVs4VprOguKwu+xSko=';
const K3 = 'k3:NVwx8aUETC1EZWuqK4ErlUw2aL+GDPjrSxlkFIuPQGM=';

let own: OwnDatabase;
let author: BuiltUser;
/** What each source must decrypt to: the last value written to it. */
const expected = new Map<string, SourceIdentity>();

beforeAll(async () => {
  own = await ownDatabase();
  author = await buildUser({ roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await own.drop();
});

/** Sources written straight to the database under `keys`' active key. */
async function seed(keys: string, count: number, label: string): Promise<string[]> {
  const store = testSourceStore(keys);
  const ids: string[] = [];
  for (let start = 0; start < count; start += 50) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, async (_, i) => {
        const identity = {
          name: `${label} informant ${start + i}`,
          contactNotes: `Contact ${label}-${start + i}`,
        };
        const id = await store.insert(sqlOnPg(testPool()), {
          ...identity,
          kind: 'individual',
          reliability: 'C',
          createdBy: author.id,
        });
        expected.set(id, identity);
        return id;
      }),
    );
    ids.push(...chunk);
  }
  return ids;
}

async function countsByKey(): Promise<Record<string, number>> {
  const { rows } = await testPool().query<{ key_id: string; n: number }>(
    'SELECT key_id, count(*)::int AS n FROM sources GROUP BY key_id',
  );
  return Object.fromEntries(rows.map((r) => [r.key_id, r.n]));
}

/** Every source decrypts under `keys` alone to exactly what was last written to it. */
async function expectAllUnder(keys: string): Promise<void> {
  const cipher = new SourceCipher(DataKeyring.parse(keys));
  const { rows } = await testPool().query<{
    id: string;
    key_id: string;
    name_enc: Buffer;
    contact_notes_enc: Buffer;
  }>('SELECT id, key_id, name_enc, contact_notes_enc FROM sources');
  expect(rows).toHaveLength(expected.size);
  const wrong = rows.filter((row) => {
    const got = cipher.openOrThrow(row);
    const want = expected.get(row.id);
    return got.name !== want?.name || got.contactNotes !== want?.contactNotes;
  });
  expect(wrong.map((r) => r.id)).toEqual([]);
}

describe('keys:rotate', () => {
  it('refuses to retire a key in use, and resumes after a crash with what is still under the old key', async () => {
    await seed(K1, 300, 'first');
    const ring21 = DataKeyring.parse(`${K2},${K1}`);
    await expect(retireDataKey(testPool(), ring21, 'k1')).rejects.toThrow(
      "300 source identities are still encrypted under key 'k1': run keys:rotate first",
    );
    await expect(retireDataKey(testPool(), ring21, 'k2')).rejects.toThrow(/is the active key/);

    // The process dies after its first batch committed.
    await expect(
      rotateDataKeys(testPool(), ring21, {
        batchSize: 40,
        onProgress: () => {
          throw new Error('crash');
        },
      }),
    ).rejects.toThrow('crash');
    expect(await countsByKey()).toEqual({ k1: 260, k2: 40 });

    const progress: string[] = [];
    const result = await rotateDataKeys(testPool(), ring21, {
      batchSize: 40,
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(result).toMatchObject({ reencrypted: 260, remaining: 0, unreadable: [] });
    expect(progress[0]).toBe('40/260');
    expect(progress[progress.length - 1]).toBe('260/260');
    expect(await countsByKey()).toEqual({ k2: 300 });
    await expectAllUnder(K2);

    expect(await retireDataKey(testPool(), ring21, 'k1')).toEqual({ recorded: true });
    // Nothing is written under a retired key again, whoever writes (an api still on the old key).
    await expect(
      testSourceStore(K1).insert(sqlOnPg(testPool()), {
        name: 'late informant',
        contactNotes: '',
        kind: 'individual',
        reliability: 'C',
        createdBy: author.id,
      }),
    ).rejects.toThrow(/data key that has been retired/);
    const status = await dataKeyStatus(testPool(), DataKeyring.parse(K2));
    expect(status.find((s) => s.id === 'k1')).toMatchObject({
      identities: 0,
      configured: false,
      retiredAt: expect.any(Date),
    });
    expect(status.find((s) => s.id === 'k2')).toMatchObject({
      identities: 300,
      configured: true,
      active: true,
      matches: true,
    });
  }, 60_000);

  it('loses nothing while the api creates and edits sources during the rotation', async () => {
    const seeded = await seed(K2, 1000, 'second');
    // The api is restarted with the new key first before the rotation starts (the procedure).
    const api: TestApi = await startTestApi({ VIGIL_DATA_KEY: `${K3},${K2}` });
    try {
      const session: Session = await signIn(api, author);
      const versions = new Map(seeded.map((id) => [id, 1]));
      let rotating = true;
      let writes = 0;
      const writer = async (w: number) => {
        // Each writer edits its own share of the seeded sources, and creates new ones.
        const mine = seeded.filter((_, i) => i % 4 === w);
        for (let n = 0; rotating || n < 10; n += 1) {
          if (n % 4 === 0) {
            const identity = { name: `Created ${w}-${n}`, contactNotes: `During rotation ${n}` };
            const res = await api
              .http()
              .post('/api/sources')
              .set(session.auth())
              .send({
                ...identity,
                kind: 'media',
                reliability: 'B',
              });
            expect(res.status).toBe(201);
            expected.set((res.body as SourceBody).id, identity);
            versions.set((res.body as SourceBody).id, 1);
          } else {
            const id = mine[(n * 7) % mine.length] ?? '';
            const identity = { name: `Edited ${w}-${n}`, contactNotes: `Edit ${n} by ${w}` };
            const res = await api
              .http()
              .patch(`/api/sources/${id}`)
              .set(session.auth())
              .send({ version: versions.get(id), ...identity });
            expect(res.status).toBe(200);
            expected.set(id, identity);
            versions.set(id, (res.body as SourceBody).version);
          }
          writes += 1;
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      const progress: number[] = [];
      const result = await rotateDataKeys(testPool(), DataKeyring.parse(`${K3},${K2}`), {
        batchSize: 50,
        onProgress: (done) => progress.push(done),
      });
      rotating = false;
      await Promise.all(writers);

      expect(writes).toBeGreaterThan(40);
      expect(progress.length).toBeGreaterThan(10);
      expect(result.remaining).toBe(0);
      // Everything is under k3: what the rotation moved and what the api wrote meanwhile.
      expect(await countsByKey()).toEqual({ k3: expected.size });
      await expectAllUnder(K3);

      // The blind index moved too: names are found with k3 alone.
      const only3 = await startTestApi({ VIGIL_DATA_KEY: K3 });
      try {
        const s3 = await signIn(only3, author);
        const found = await only3
          .http()
          .get('/api/sources')
          .query({ q: 'second informant 999' })
          .set(s3.auth())
          .expect(200);
        const wantId = seeded[999];
        const stillSeeded = expected.get(wantId ?? '')?.name === 'second informant 999';
        expect(found.body.items.map((s: SourceBody) => s.id)).toEqual(stillSeeded ? [wantId] : []);
      } finally {
        await only3.close();
      }
      expect(await retireDataKey(testPool(), DataKeyring.parse(K3), 'k2')).toEqual({
        recorded: true,
      });
    } finally {
      await api.close();
    }
  }, 120_000);
});
