import type { Page } from 'playwright-core';
import { sessionFor } from '../support/api.js';
import {
  DEMO_PASSWORD,
  startWebHarness,
  closeContexts,
  freshPage,
  signInAs,
  submitSignIn,
  type WebHarness,
} from '../support/browser.js';
import { buildUser, closeTestPool } from '../support/factories.js';

const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';
const DEACTIVATED =
  'Your account has been deactivated. Ask an administrator if you need access again.';
const ADMIN_NAV = ['Overview', 'Users', 'Organisations', 'Audit log'];
const ANALYST_NAV = ['Overview', 'Situations', 'Information', 'Risk heat map'];
const ADVISER_NAV = [...ANALYST_NAV, 'Approvals'];

const DEMO_ACCOUNTS = [
  {
    email: 'analyst@vigil.test',
    name: 'Amina Diallo',
    role: 'analyst',
    nav: ANALYST_NAV,
  },
  {
    email: 'analyst2@vigil.test',
    name: 'Tomás Herrera',
    role: 'analyst',
    nav: ANALYST_NAV,
  },
  { email: 'adviser@vigil.test', name: 'Lena Okafor', role: 'adviser', nav: ADVISER_NAV },
  { email: 'adviser2@vigil.test', name: 'Rashid Karimov', role: 'adviser', nav: ADVISER_NAV },
  { email: 'admin@vigil.test', name: 'Sam Admin', role: 'admin', nav: ADMIN_NAV },
];

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await h.close();
  await closeTestPool();
});
afterEach(async () => {
  await closeContexts(h);
});

async function navLinkNames(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await links.first().waitFor();
  return (await links.allTextContents()).map((text) => text.trim());
}

/**
 * The refresh token the browser keeps for the app: an HttpOnly cookie sent to the refresh route
 * only (read here through the browser context, which sees what no page script can).
 */
async function refreshCookie(page: Page): Promise<string | null> {
  const cookies = await page.context().cookies(`${h.baseUrl}/api/auth/refresh`);
  return cookies.find((c) => c.name === 'vigil_refresh')?.value ?? null;
}

/** Whatever the app keeps in localStorage: a hint that a session may exist, never a token. */
async function storedKeys(page: Page): Promise<string[]> {
  const { origins } = await page.context().storageState();
  const storage = origins.find((o) => o.origin === h.baseUrl)?.localStorage ?? [];
  return storage.map((entry) => entry.name);
}

const signInHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Sign in to Vigil' });

describe('demo accounts', () => {
  it.each(DEMO_ACCOUNTS)('$email signs in and sees the navigation of a $role', async (account) => {
    const page = await freshPage(h);
    await signInAs(h, page, account.email, DEMO_PASSWORD, account.name);

    expect(await navLinkNames(page)).toEqual(account.nav);
    const main = page.getByRole('main');
    await main
      .getByRole('heading', { level: 3, name: new RegExp(`\\(${account.role}\\)$`) })
      .waitFor();
    expect(await main.getByRole('definition').first().textContent()).toBe(account.role);
  });
  // The Framework Team reads priority situations only: they land on their portal.
  it.each(['ft.ohchr@vigil.test', 'ft.undp@vigil.test'])(
    '%s lands on the Framework Team portal and sees only its navigation',
    async (email) => {
      const page = await freshPage(h);
      await submitSignIn(h, page, email, DEMO_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Priority situations' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/framework-team');
      expect(await navLinkNames(page)).toEqual(['Priority situations', 'Notifications']);
    },
  );
});

it('hides admin pages from an analyst behind "Not found"', async () => {
  const page = await freshPage(h);
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await page.goto(`${h.baseUrl}/admin/users`);
  await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
  expect(await page.getByRole('heading', { name: 'Users' }).count()).toBe(0);
});

it('signs out through the user menu and stays signed out after a reload', async () => {
  const page = await freshPage(h);
  await signInAs(h, page, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInHeading(page).waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');

  await page.reload();
  await signInHeading(page).waitFor();
  expect(await refreshCookie(page)).toBeNull();
  expect(await storedKeys(page)).toEqual([]);
  await page.goto(`${h.baseUrl}/`);
  await signInHeading(page).waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
});

it("shows the server's message for a wrong password", async () => {
  // A throw-away account, so failed attempts never lock a demo account other files sign in with.
  const user = await buildUser();
  const page = await freshPage(h);
  await submitSignIn(h, page, user.email, 'not-the-password');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect((await alert.textContent())?.trim()).toBe('E-mail or password is wrong.');
  await signInHeading(page).waitFor();
});

it('returns to sign-in at once, saying why, when the account is deactivated', async () => {
  const user = await buildUser({ roles: ['admin'] });
  const otherAdmin = await sessionFor(h.api, { roles: ['admin'] });
  const page = await freshPage(h);
  await signInAs(h, page, user.email, user.password, user.displayName);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

  const res = await h.api
    .http()
    .patch(`/api/users/${user.id}`)
    .set(otherAdmin.auth())
    .send({ active: false });
  expect(res.status).toBe(200);

  // The server ends the session on the open socket: no click needed.
  await signInHeading(page).waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect((await alert.textContent())?.trim()).toBe(DEACTIVATED);
  expect(await page.getByText(user.displayName).count()).toBe(0);
  expect(await storedKeys(page)).toEqual([]);
});

it('returns to sign-in with a notice when the refresh is refused', async () => {
  const page = await freshPage(h);
  await signInAs(h, page, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  // The refresh cookie is gone (expired, or the session reached its absolute end) and the
  // access token is refused: the refresh fails, and the app signs the user out.
  await page.context().clearCookies();
  await page.route(
    (url) => url.pathname === '/api/users',
    (route) =>
      route.fulfill({
        status: 401,
        json: { statusCode: 401, error: 'Unauthorized', message: 'Token expired' },
      }),
  );
  const refresh = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/refresh') && r.request().method() === 'POST',
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  expect((await refresh).status()).toBe(401);
  await signInHeading(page).waitFor();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect((await alert.textContent())?.trim()).toBe(SESSION_EXPIRED);
  expect(await storedKeys(page)).toEqual([]);
});

it('restores the session after a reload through a silent refresh', async () => {
  const page = await freshPage(h);
  await signInAs(h, page, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');
  const before = await refreshCookie(page);
  expect(before).toEqual(expect.any(String));

  const refresh = page.waitForRequest(
    (r) => r.url().endsWith('/api/auth/refresh') && r.method() === 'POST',
  );
  await page.reload();
  await refresh;
  await page.getByRole('heading', { level: 1, name: 'Welcome, Tomás Herrera' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  // Refresh tokens rotate: the cookie holds a new one.
  const after = await refreshCookie(page);
  expect(after).toEqual(expect.any(String));
  expect(after).not.toBe(before);
});

it('refreshes the session and retries a call once when the access token is rejected', async () => {
  const page = await freshPage(h);
  await signInAs(h, page, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  // The next users call answers 401 as if the access token had expired; later ones go through.
  let rejected = 0;
  await page.route(
    (url) => url.pathname === '/api/users',
    async (route) => {
      if (rejected > 0) return route.continue();
      rejected += 1;
      await route.fulfill({
        status: 401,
        json: { statusCode: 401, error: 'Unauthorized', message: 'Token expired' },
      });
    },
  );
  const refresh = page.waitForResponse(
    (r) => r.url().endsWith('/api/auth/refresh') && r.request().method() === 'POST',
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  expect((await refresh).status()).toBe(200);
  await page.getByRole('table', { name: 'Users' }).waitFor();
  expect(rejected).toBe(1);
  expect(new URL(page.url()).pathname).toBe('/admin/users');
});
