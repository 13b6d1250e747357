import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  closeContexts,
  freshContext,
  maybeScreenshotSizes,
  openDemoSituation,
  openTab,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

const REFRESH_COOKIE = 'vigil_refresh';
const SIGNED_OUT_ELSEWHERE = 'You were signed out in another window.';

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterEach(async () => {
  await closeContexts(h);
});
afterAll(async () => {
  await h.close();
  await closeTestPool();
});

const signInHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' });
const welcome = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name: `Welcome, ${name}` });

/** Fills the sign-in form already on screen (no navigation: a reload would restore a session). */
async function signInHere(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The user id (`sub`) of a bearer access token, read from its JWT payload. */
function subjectOf(authorization: string | undefined): string | null {
  const token = authorization?.replace(/^Bearer /, '');
  const payload = token?.split('.')[1];
  if (!payload) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string };
  return claims.sub ?? null;
}

/** Every API call a tab makes from now on, with the person its bearer token speaks for. */
function recordApiCalls(page: Page): { path: string; userId: string | null; at: number }[] {
  const calls: { path: string; userId: string | null; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    calls.push({
      path: url.pathname,
      userId: subjectOf(request.headers()['authorization']),
      at: Date.now(),
    });
  });
  return calls;
}

/**
 * Holds the tab's sign-out call until `release` is called, so what other tabs do before can only
 * come from the tab itself (the server has not ended the session, so no socket tells them).
 */
async function holdSignOut(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/auth/logout', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

async function userIdOf(email: string): Promise<string> {
  const login = await h.api.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  return (login.body as { user: { id: string } }).user.id;
}

it('keeps the refresh token out of scripts and storage, and a reload still restores the session', async () => {
  const context = await freshContext(h);
  const page = await openTab(context);
  const loginAnswer = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST',
  );
  await signInAs(h, page, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');

  // The answer carries the access token only; the refresh token arrives as a cookie.
  const login = await loginAnswer;
  expect(Object.keys((await login.json()) as object)).not.toContain('refreshToken');
  const cookieOf = async () =>
    (await context.cookies(`${h.baseUrl}/api/auth/refresh`)).find((c) => c.name === REFRESH_COOKIE);
  const cookie = await cookieOf();
  expect(cookie).toMatchObject({
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/api/auth/refresh',
  });
  const token = cookie?.value ?? '';
  expect(token.length).toBeGreaterThan(20);

  // Nothing a script can read holds it: not document.cookie, not either storage.
  const readable = String(
    await page.evaluate(
      'JSON.stringify({ cookie: document.cookie, local: { ...localStorage }, session: { ...sessionStorage } })',
    ),
  );
  expect(readable).not.toContain(token);
  expect(readable).not.toContain(REFRESH_COOKIE);
  const { origins } = await context.storageState();
  const stored = origins.find((o) => o.origin === h.baseUrl)?.localStorage ?? [];
  expect(stored.map((entry) => entry.name)).toEqual(['vigil.hasSession']);
  expect(stored[0]?.value).toBe('1');

  // A reload restores the session through the cookie, which rotates.
  const refresh = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/refresh') && r.request().method() === 'POST',
  );
  await page.reload();
  expect((await refresh).status()).toBe(200);
  await welcome(page, 'Tomás Herrera').waitFor();
  const rotated = await cookieOf();
  expect(rotated?.value).toEqual(expect.any(String));
  expect(rotated?.value).not.toBe(token);
});

it('an anonymous visit does not ask for a refresh', async () => {
  const context = await freshContext(h);
  const page = await openTab(context);
  const calls = recordApiCalls(page);
  await page.goto(`${h.baseUrl}/`);
  await signInHeading(page).waitFor();
  expect(calls.map((c) => c.path)).not.toContain('/api/auth/refresh');
});

it('signing out in one tab signs out every tab of the browser, and ends the session', async () => {
  const context = await freshContext(h);
  const first = await openTab(context);
  const tokens: string[] = [];
  first.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (authorization) tokens.push(authorization.replace(/^Bearer /, ''));
  });
  await signInAs(h, first, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  const second = await openTab(context);
  await second.goto(`${h.baseUrl}/situations`);
  await second.getByRole('heading', { level: 1, name: 'Situations' }).waitFor();
  await second.getByRole('button', { name: 'User menu' }).getByText('Lena Okafor').waitFor();
  const token = tokens.at(-1) ?? '';
  expect((await meWith(token)).status).toBe(200);

  const logout = first.waitForResponse(
    (r) => r.url().endsWith('/api/auth/logout') && r.request().method() === 'POST',
  );
  const release = await holdSignOut(first);
  await first.getByRole('button', { name: 'User menu' }).click();
  await first.getByRole('button', { name: 'Sign out' }).click();
  await signInHeading(first).waitFor();
  // The tab that signed out says nothing; the other says why it is on the sign-in page.
  expect(await first.getByRole('alert').count()).toBe(0);
  await signInHeading(second).waitFor();
  const notice = second.getByRole('alert');
  await notice.waitFor();
  expect((await notice.textContent())?.trim()).toBe(SIGNED_OUT_ELSEWHERE);
  expect(await second.getByText('Lena Okafor').count()).toBe(0);
  expect(await second.getByRole('button', { name: /^Continue as/ }).count()).toBe(0);
  await maybeScreenshotSizes(second, 'signed-out-in-another-window');
  release();

  // The server ended the session: its access token is refused at once, the cookie is gone.
  expect((await logout).status()).toBe(204);
  expect((await meWith(token)).status).toBe(401);
  expect(
    (await context.cookies(`${h.baseUrl}/api/auth/refresh`)).some((c) => c.name === REFRESH_COOKIE),
  ).toBe(false);
  await second.reload();
  await signInHeading(second).waitFor();
  expect(new URL(second.url()).pathname).toBe('/sign-in');
});

it('without BroadcastChannel, a storage event carries the sign-out to the other tabs', async () => {
  const context = await freshContext(h);
  await context.addInitScript('delete window.BroadcastChannel;');
  const first = await openTab(context);
  await signInAs(h, first, 'adviser2@vigil.test', DEMO_PASSWORD, 'Rashid Karimov');
  const second = await openTab(context);
  await second.goto(`${h.baseUrl}/`);
  await welcome(second, 'Rashid Karimov').waitFor();
  expect(await second.evaluate('typeof BroadcastChannel')).toBe('undefined');

  const release = await holdSignOut(first);
  await first.getByRole('button', { name: 'User menu' }).click();
  await first.getByRole('button', { name: 'Sign out' }).click();
  await signInHeading(second).waitFor();
  expect((await second.getByRole('alert').textContent())?.trim()).toBe(SIGNED_OUT_ELSEWHERE);
  release();
  // Nothing of the message stays behind in storage.
  const { origins } = await context.storageState();
  expect(origins.find((o) => o.origin === h.baseUrl)?.localStorage ?? []).toEqual([]);
});

it('another person signing in in another tab signs this tab out; it then continues as them only when asked', async () => {
  const title = `Only Amina ${randomUUID().slice(0, 8)}`;
  // Strictly confidential, led by Amina: Tomás (cleared for confidential) may not read it.
  const { id } = await openDemoSituation(h, {
    title,
    summary: 'Not for Tomás.',
    classification: 'strictly_confidential',
  });
  const tomasId = await userIdOf('analyst2@vigil.test');
  const context = await freshContext(h);
  // Tab B was left on the sign-in page.
  const tabB = await openTab(context);
  await tabB.goto(`${h.baseUrl}/sign-in`);
  await signInHeading(tabB).waitFor();

  // Amina signs in in tab A and opens her situation.
  const tabA = await openTab(context);
  await signInAs(h, tabA, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await tabA.goto(`${h.baseUrl}/situations/${id}`);
  await tabA.getByRole('heading', { level: 1, name: title }).waitFor();
  // Tab B now offers to continue as Amina, or to sign in as someone else.
  await tabB.getByRole('button', { name: 'Continue as Amina Diallo' }).waitFor();

  // Tomás signs in in tab B.
  const callsOfA = recordApiCalls(tabA);
  await signInHere(tabB, 'analyst2@vigil.test');
  await welcome(tabB, 'Tomás Herrera').waitFor();

  // Tab A shows nothing of Amina any more: it is signed out, and says why.
  await signInHeading(tabA).waitFor();
  const notice = tabA.getByRole('alert');
  await notice.waitFor();
  expect(await notice.textContent()).toContain(
    'Tomás Herrera signed in to Vigil in another window of this browser, so you were signed out here.',
  );
  expect(await tabA.getByText('Amina Diallo').count()).toBe(0);
  expect(await tabA.getByText(title).count()).toBe(0);
  await maybeScreenshotSizes(tabA, 'signed-out-another-person');

  // It has not acted as Tomás on its own; it does once asked, showing him.
  expect(callsOfA.filter((c) => c.userId === tomasId)).toEqual([]);
  const askedAt = Date.now();
  await tabA.getByRole('button', { name: 'Continue as Tomás Herrera' }).click();
  await welcome(tabA, 'Tomás Herrera').waitFor();
  expect(callsOfA.filter((c) => c.userId === tomasId && c.at < askedAt)).toEqual([]);
  await tabA.getByRole('button', { name: 'User menu' }).getByText('Tomás Herrera').waitFor();
  // Her situation is not his to read.
  await tabA.goto(`${h.baseUrl}/situations/${id}`);
  await tabA.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  expect(await tabA.getByText(title).count()).toBe(0);
  expect(await tabA.getByText('Amina Diallo').count()).toBe(0);
  // Every call tab A made as someone was Tomás's, and only after it showed him.
  expect(callsOfA.every((c) => c.userId === null || c.userId === tomasId)).toBe(true);
});

it('the same person signing in again in another tab changes nothing in the first', async () => {
  const context = await freshContext(h);
  const tabB = await openTab(context);
  await tabB.goto(`${h.baseUrl}/sign-in`);
  await signInHeading(tabB).waitFor();
  const tabA = await openTab(context);
  await signInAs(h, tabA, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await tabA.goto(`${h.baseUrl}/situations`);
  await tabA.getByRole('heading', { level: 1, name: 'Situations' }).waitFor();

  await signInHere(tabB, 'analyst@vigil.test');
  await welcome(tabB, 'Amina Diallo').waitFor();

  // Tab A stays where it was, as Amina, and keeps working.
  await tabA
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Information' })
    .click();
  await tabA.getByRole('heading', { level: 1, name: 'Information' }).waitFor();
  expect(await signInHeading(tabA).count()).toBe(0);
  expect(await tabA.getByRole('alert').count()).toBe(0);
  await tabA.getByRole('button', { name: 'User menu' }).getByText('Amina Diallo').waitFor();
});

function meWith(token: string) {
  return h.api.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
}
