import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'playwright-core';
import {
  DEMO_PASSWORD,
  apiAuth,
  closeContexts,
  freshPage,
  openDemoSituation,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

/** The shortest access-token lifetime the api accepts, so the socket's token expires in the test. */
const TOKEN_SECONDS = 30;

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness({
    ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS),
    SOCKET_RENEW_GRACE_SECONDS: '10',
  });
});
afterEach(async () => {
  await closeContexts(h);
});
afterAll(async () => {
  await h.close();
  await closeTestPool();
});

/** Resolves at the first frame of `socket` (sent or received) whose bytes include `text`. */
function frameWith(socket: WebSocket, direction: 'sent' | 'received', text: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const listener = (frame: { payload: string | Buffer }) => {
      if (!String(frame.payload).includes(text)) return;
      if (direction === 'sent') socket.off('framesent', listener);
      else socket.off('framereceived', listener);
      resolve();
    };
    if (direction === 'sent') socket.on('framesent', listener);
    else socket.on('framereceived', listener);
  });
}

it('renews the socket with a fresh token when the server says it expired, and stays live', async () => {
  const title = `Renewal ${randomUUID().slice(0, 8)}`;
  const { id } = await openDemoSituation(h, {
    title,
    summary: 'A situation watched past the token lifetime.',
  });
  const page = await freshPage(h);
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => sockets.push(socket));
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await page.goto(`${h.baseUrl}/situations/${id}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no WebSocket opened');
  const opened = sockets.length;

  // The server asks for a fresh token when the socket's expires; the page refreshes and answers.
  const refreshed = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/refresh') && r.request().method() === 'POST',
    { timeout: (TOKEN_SECONDS + 15) * 1000 },
  );
  await frameWith(socket, 'received', 'auth:expired');
  const renewed = frameWith(socket, 'sent', 'auth:renew');
  expect((await refreshed).status()).toBe(200);
  await renewed;

  // Past the grace the same socket is still open and still carries the case's events.
  await page.waitForTimeout(11_000);
  expect(socket.isClosed()).toBe(false);
  expect(sockets).toHaveLength(opened);
  const summary = `Renewed ${randomUUID().slice(0, 8)}`;
  const current = await h.api
    .http()
    .get(`/api/cases/${id}`)
    .set(await apiAuth(h, 'analyst@vigil.test'));
  const edited = await h.api
    .http()
    .patch(`/api/cases/${id}`)
    .set(await apiAuth(h, 'analyst@vigil.test'))
    .send({ version: (current.body as { version: number }).version, summary });
  expect(edited.status).toBe(200);
  await page.getByText(summary).first().waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
}, 90_000);
