import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionFor, type Session } from '../support/api.js';
import { closeTestPool, testPool } from '../support/factories.js';
import { createSource, recordItem } from '../support/information.js';
import { connectAs, joinCase, startLiveApi, type LiveApi } from '../support/realtime.js';
import { openCase } from '../support/cases.js';

// Slow clients and too many connections (issue 15, item 9): headers, body and whole-request
// timeouts answered 408, idle and kept-alive connections closed, a cap on connections per
// address — and none of it cuts a WebSocket or an upload at a steady speed. Short timeouts keep
// the file fast; each is measured with a raw socket, as a slow client would send.

const HEADERS_MS = 800;
const BODY_MS = 800;
const MIN_RATE = 2048;
const REQUEST_MS = 3000;
const IDLE_MS = 1500;
const KEEP_ALIVE_MS = 600;
const CAP = 3;
/** Room for a loaded machine (two cores shared with other test files). */
const SLACK_MS = 1500;

let timed: LiveApi;
let capped: LiveApi;
let analyst: Session;

beforeAll(async () => {
  [timed, capped] = await Promise.all([
    startLiveApi({
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_BODY_TIMEOUT_MS: String(BODY_MS),
      HTTP_BODY_MIN_BYTES_PER_SECOND: String(MIN_RATE),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
    }),
    startLiveApi({ HTTP_CONNECTIONS_PER_ADDRESS: String(CAP) }),
  ]);
  analyst = await sessionFor(timed, { roles: ['analyst'], clearance: 'confidential' });
});

afterAll(async () => {
  await Promise.all([timed.close(), capped.close()]);
  await closeTestPool();
});

/** A raw connection: what it received, when it closed, and a way to send slowly. */
interface RawClient {
  socket: net.Socket;
  received: () => string;
  closed: Promise<number>;
  openedAt: number;
}

async function rawConnect(api: LiveApi, localAddress?: string): Promise<RawClient> {
  const { port } = new URL(api.url);
  const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress });
  let text = '';
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  socket.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  await once(socket, 'connect');
  return { socket, received: () => text, closed, openedAt: Date.now() };
}

/** Writes `text` one slice of `size` bytes every `everyMs` until the socket closes. */
async function trickle(client: RawClient, text: string, size: number, everyMs: number) {
  for (let at = 0; at < text.length && !client.socket.destroyed; at += size) {
    client.socket.write(text.slice(at, at + size));
    await sleep(everyMs);
  }
}

/** Status line and JSON body of a raw answer. */
function parseAnswer(raw: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  return { status, headers: head, body: body ? (JSON.parse(body) as unknown) : null };
}

const host = () => `Host: ${new URL(timed.url).host}`;

describe('timeouts', () => {
  it('cuts a body trickled a byte at a time with 408 within the body timeout, and nothing is written', async () => {
    const marker = `Trickled ${randomUUID().slice(0, 8)}`;
    const body = JSON.stringify({ title: marker, country: 'KEN', summary: 'Slowly.' });
    const client = await rawConnect(timed);
    client.socket.write(
      `POST /api/cases HTTP/1.1\r\n${host()}\r\nAuthorization: Bearer ${analyst.accessToken}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    void trickle(client, body, 1, 150);
    const closedAt = await client.closed;
    expect(closedAt - client.openedAt).toBeGreaterThanOrEqual(BODY_MS - 50);
    expect(closedAt - client.openedAt).toBeLessThan(BODY_MS + SLACK_MS);
    const answer = parseAnswer(client.received());
    expect(answer).toMatchObject({
      status: 408,
      body: {
        statusCode: 408,
        error: 'Request Timeout',
        message: expect.stringMatching(/^The request body arrived too slowly/),
      },
    });
    expect(answer.headers).toMatch(/\r\nConnection: close/i);
    const { rows } = await testPool().query('SELECT 1 FROM cases WHERE title = $1', [marker]);
    expect(rows).toHaveLength(0);
  });

  it('cuts headers trickled a byte at a time with 408 within the headers timeout', async () => {
    const client = await rawConnect(timed);
    void trickle(
      client,
      `POST /api/auth/login HTTP/1.1\r\n${host()}\r\nX-Slow: ${'a'.repeat(200)}\r\n`,
      1,
      100,
    );
    const closedAt = await client.closed;
    expect(closedAt - client.openedAt).toBeLessThan(HEADERS_MS + SLACK_MS);
    expect(parseAnswer(client.received())).toMatchObject({
      status: 408,
      body: { statusCode: 408, message: expect.stringMatching(/did not arrive in time/) },
    });
  });

  it('cuts a connection that sends nothing within the headers timeout', async () => {
    const client = await rawConnect(timed);
    const closedAt = await client.closed;
    expect(closedAt - client.openedAt).toBeLessThan(HEADERS_MS + SLACK_MS);
  });

  it('cuts a body that keeps the minimum rate but outlasts the request timeout, with 408', async () => {
    // 4 kB/s is twice the minimum rate: only the whole-request timeout stops it.
    const body = JSON.stringify({ email: 'x@vigil.test', password: 'p', pad: 'a'.repeat(20_000) });
    const client = await rawConnect(timed);
    client.socket.write(
      `POST /api/auth/login HTTP/1.1\r\n${host()}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    void trickle(client, body, 400, 100);
    const closedAt = await client.closed;
    expect(closedAt - client.openedAt).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(closedAt - client.openedAt).toBeLessThan(REQUEST_MS + SLACK_MS);
    expect(parseAnswer(client.received())).toMatchObject({
      status: 408,
      body: { statusCode: 408, message: expect.stringMatching(/did not arrive in time/) },
    });
  });

  it('lets an upload at a steady speed take longer than the body timeout', async () => {
    const source = await createSource(timed, analyst);
    const item = await recordItem(timed, analyst, source.id);
    const boundary = `----vigil${randomUUID().replaceAll('-', '')}`;
    const content = 'A line of a long witness statement, sent at a steady speed.\n'.repeat(400);
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.txt"\r\n` +
      `Content-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    const client = await rawConnect(timed);
    client.socket.write(
      `POST /api/information-items/${item.id}/attachments HTTP/1.1\r\n${host()}\r\n` +
        `Authorization: Bearer ${analyst.accessToken}\r\nConnection: close\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    // About 24 kB at 16 kB/s: 1.5 s, twice the body timeout, and well above the minimum rate.
    await trickle(client, body, 1600, 100);
    const closedAt = await client.closed;
    expect(closedAt - client.openedAt).toBeGreaterThan(BODY_MS);
    expect(parseAnswer(client.received())).toMatchObject({
      status: 201,
      body: { fileName: 'statement.txt', sizeBytes: Buffer.byteLength(content) },
    });
  });

  it('closes a kept-alive connection with no new request after the keep-alive timeout', async () => {
    const client = await rawConnect(timed);
    client.socket.write(`GET /api/health/live HTTP/1.1\r\n${host()}\r\n\r\n`);
    const closedAt = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    // The answer announces `Keep-Alive: timeout=…`; Node waits a second more, so the client
    // closes first rather than reusing a connection the server is closing.
    const announced = Math.floor(KEEP_ALIVE_MS / 1000);
    expect(client.received()).toMatch(new RegExp(`\r\nKeep-Alive: timeout=${announced}\r\n`, 'i'));
    expect(closedAt - client.openedAt).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 50);
    expect(closedAt - client.openedAt).toBeLessThan(KEEP_ALIVE_MS + 1000 + SLACK_MS);
  });

  it('keeps a silent WebSocket open past every timeout', async () => {
    const lead = await sessionFor(timed, { roles: ['analyst'], clearance: 'confidential' });
    const situation = await openCase(timed, lead);
    const socket = await connectAs(timed, lead.accessToken);
    let disconnected = false;
    socket.on('disconnect', () => {
      disconnected = true;
    });
    try {
      // Longer than the headers, body, request, idle and keep-alive timeouts; shorter than the
      // socket's own ping interval (25 s), so nothing crosses the connection meanwhile.
      await sleep(REQUEST_MS + 500);
      expect(disconnected).toBe(false);
      expect(socket.connected).toBe(true);
      expect(await joinCase(socket, situation.id)).toMatchObject({ ok: true });
    } finally {
      socket.close();
    }
  });
});

describe('connections per address', () => {
  it(`refuses the ${CAP + 1}th connection from one address with 429 while another address is served`, async () => {
    const held = await Promise.all(Array.from({ length: CAP }, () => rawConnect(capped)));
    try {
      const refused = await rawConnect(capped);
      refused.socket.write(`GET /api/health/live HTTP/1.1\r\nHost: x\r\n\r\n`);
      await refused.closed;
      const answer = parseAnswer(refused.received());
      expect(answer).toMatchObject({
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `Too many open connections from your address (at most ${CAP} at once). Close some and try again.`,
          details: { retryAfterSeconds: 5 },
        },
      });
      expect(answer.headers).toMatch(/\r\nRetry-After: 5\r\n/i);

      // Another address (127.0.0.2, loopback too) is served meanwhile.
      const other = await rawConnect(capped, '127.0.0.2');
      other.socket.write(`GET /api/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      await other.closed;
      expect(other.received()).toMatch(/^HTTP\/1\.1 200 /);

      // A held connection still works, and once one closes its place is free again.
      const first = held[0];
      if (!first) throw new Error('no held connection');
      first.socket.write(`GET /api/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      await first.closed;
      expect(first.received()).toMatch(/^HTTP\/1\.1 200 /);
      const again = await rawConnect(capped);
      again.socket.write(`GET /api/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      await again.closed;
      expect(again.received()).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      for (const client of held) client.socket.destroy();
    }
  });

  it('counts an open WebSocket as a connection of its address', async () => {
    const person = await sessionFor(capped, { roles: ['analyst'] });
    const sockets = [];
    try {
      for (let i = 0; i < CAP; i += 1) sockets.push(await connectAs(capped, person.accessToken));
      const refused = await rawConnect(capped);
      await refused.closed;
      expect(parseAnswer(refused.received()).status).toBe(429);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
