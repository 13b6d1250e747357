import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionFor, startTestApi, type Session, type TestApi } from '../support/api.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { expectError } from '../support/http.js';
import { createSource, recordItem, type ItemBody } from '../support/information.js';

// Attachments of information items: size limit, media type from the bytes, sha256, kept in
// PostgreSQL or on disk (issue 4, item 3).

const LIMIT = 64 * 1024;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);

let folder: string;
let database: TestApi;
let disk: TestApi;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'vigil-attachments-'));
  database = await startTestApi({ ATTACHMENT_MAX_BYTES: String(LIMIT) });
  disk = await startTestApi({ ATTACHMENT_MAX_BYTES: String(LIMIT), ATTACHMENTS_DIR: folder });
});

afterAll(async () => {
  await Promise.all([database.close(), disk.close()]);
  await rm(folder, { recursive: true, force: true });
  await closeTestPool();
});

async function setUp(api: TestApi): Promise<{ author: Session; item: ItemBody }> {
  const author = await sessionFor(api, { roles: ['analyst'], clearance: 'confidential' });
  const source = await createSource(api, author);
  return { author, item: await recordItem(api, author, source.id) };
}

const attachmentRows = async () =>
  Number(
    (await testPool().query('SELECT count(*) FROM information_item_attachments')).rows[0].count,
  );

describe.each([
  ['in PostgreSQL', () => database],
  ['on disk', () => disk],
])('stored %s', (_where, apiOf) => {
  it('keeps a file with its type, size and sha256, and gives back the same bytes', async () => {
    const api = apiOf();
    const { author, item } = await setUp(api);
    const res = await api
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(author.auth())
      .attach('file', PDF, { filename: 'witness statement.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.body).toMatchObject({
      fileName: 'witness statement.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256,
    });
    const back = await api
      .http()
      .get(`/api/information-items/${item.id}/attachments/${res.body.id}`)
      .set(author.auth())
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(back.status).toBe(200);
    expect(back.headers['x-content-sha256']).toBe(sha256);
    expect(Buffer.compare(back.body as Buffer, PDF)).toBe(0);
    const item2 = await api.http().get(`/api/information-items/${item.id}`).set(author.auth());
    expect(item2.body.attachments).toHaveLength(1);
  });
});

it('writes the file under the configured folder when ATTACHMENTS_DIR is set', async () => {
  const { author, item } = await setUp(disk);
  await disk
    .http()
    .post(`/api/information-items/${item.id}/attachments`)
    .set(author.auth())
    .attach('file', PNG, { filename: 'map.png', contentType: 'image/png' })
    .expect(201);
  const stored = (await readdir(folder, { recursive: true })).filter((f) => !f.endsWith('.part'));
  expect(stored.length).toBeGreaterThan(0);
});

describe('refused files, nothing kept', () => {
  it.each([
    ['a PNG named .pdf', PNG, 'scan.pdf', 'application/pdf', 415, /image\/png/],
    ['a PNG sent as PDF', PNG, 'scan.png', 'application/pdf', 415, /sent as application\/pdf/],
    [
      'a program renamed .pdf',
      ELF,
      'report.pdf',
      'application/pdf',
      415,
      /not accepted|not a known/,
    ],
    [
      'binary noise named .txt',
      Buffer.from([0, 1, 2, 3, 0xff, 0xfe]),
      'notes.txt',
      'text/plain',
      415,
      /not a known/,
    ],
    ['an empty file', Buffer.alloc(0), 'empty.txt', 'text/plain', 400, /empty/],
    ['a file over the limit', Buffer.alloc(LIMIT + 1, 'a'), 'big.txt', 'text/plain', 413, /limit/],
  ])('%s', async (_label, content, filename, contentType, status, message) => {
    const { author, item } = await setUp(database);
    const before = await attachmentRows();
    const res = await database
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(author.auth())
      .attach('file', content, { filename, contentType });
    expectError(res, status, message);
    expect(await attachmentRows()).toBe(before);
  });

  // A right-to-left override shows `report\u202Efdp.txt` as "reporttxt.pdf" (issue 15, item 6).
  it.each([
    ['a right-to-left override', 'report\u202Efdp.txt', 'U+202E'],
    ['a left-to-right override', 'scan\u202D.txt', 'U+202D'],
    ['a right-to-left isolate', 'report\u2067fdp\u2069.txt', 'U+2067'],
    ['a first-strong isolate', 'report\u2068.txt', 'U+2068'],
    ['a left-to-right mark', 'notes\u200E.txt', 'U+200E'],
    ['a right-to-left mark', 'notes\u200F.txt', 'U+200F'],
    ['an Arabic letter mark', 'notes\u061C.txt', 'U+061C'],
    ['a zero-width space', 'witness\u200Bstatement.txt', 'U+200B'],
    ['a zero-width joiner', 'witness\u200Dstatement.txt', 'U+200D'],
    ['a zero-width no-break space', 'witness\uFEFFstatement.txt', 'U+FEFF'],
    ['a word joiner', 'witness\u2060statement.txt', 'U+2060'],
  ])(
    'a file name with %s (%j) is refused, naming the character',
    async (_label, filename, code) => {
      const { author, item } = await setUp(disk);
      const before = await attachmentRows();
      const filesBefore = await readdir(folder, { recursive: true });
      const res = await disk
        .http()
        .post(`/api/information-items/${item.id}/attachments`)
        .set(author.auth())
        .attach('file', Buffer.from('plain text\n'), { filename, contentType: 'text/plain' });
      const body = expectError(
        res,
        400,
        new RegExp(`file name contains ${code.replace('+', '\\+')}`),
      );
      expect(body.details).toEqual([{ field: 'file', message: expect.stringContaining(code) }]);
      expect(await attachmentRows()).toBe(before);
      expect(await readdir(folder, { recursive: true })).toEqual(filesBefore);
      const listed = await disk.http().get(`/api/information-items/${item.id}`).set(author.auth());
      expect(listed.body.attachments).toEqual([]);
    },
  );

  it('accepts names in any script, with ordinary spaces and punctuation', async () => {
    const { author, item } = await setUp(database);
    for (const filename of ['تقرير الوضع.txt', 'Доклад (2026).txt', '报告 – v2.txt']) {
      const res = await database
        .http()
        .post(`/api/information-items/${item.id}/attachments`)
        .set(author.auth())
        .attach('file', Buffer.from('plain text\n'), { filename, contentType: 'text/plain' });
      expect({ filename, status: res.status, name: res.body.fileName }).toEqual({
        filename,
        status: 201,
        name: filename,
      });
    }
  });

  it('refuses a request that is not multipart, and an upload by someone who may not edit', async () => {
    const { author, item } = await setUp(database);
    const res = await database
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(author.auth())
      .send({ file: 'x' });
    expectError(res, 400, /multipart/);
    const stranger = await sessionFor(database, { roles: ['analyst'], clearance: 'confidential' });
    const denied = await database
      .http()
      .post(`/api/information-items/${item.id}/attachments`)
      .set(stranger.auth())
      .attach('file', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
    expectError(denied, 403);
  });
});
