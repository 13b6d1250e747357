import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AuditService, DemoSeedService, PasswordService } from '@vigil/server';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './api.js';

/** Password of the demo accounts the browser tests sign in with. */
export const DEMO_PASSWORD = 'browser-demo-password';

/** The real api serving the built web app on a free port, with the demo accounts seeded. */
export interface WebHarness {
  api: TestApi;
  baseUrl: string;
  browser: Browser;
  /** Browser contexts opened by freshPage, closed by closeContexts or close. */
  contexts: BrowserContext[];
  close: () => Promise<void>;
}

const WEB_DIST_DIR = 'apps/web/dist';

/** Starts the harness; `overrides` are api settings (e.g. a short access-token lifetime). */
export async function startWebHarness(overrides: Record<string, string> = {}): Promise<WebHarness> {
  // `npm test` builds the web app first; a file run alone through jest would otherwise wait 15 s
  // per test for a sign-in form that is never served.
  if (!existsSync(`${WEB_DIST_DIR}/index.html`)) {
    throw new Error(`${WEB_DIST_DIR}/index.html is missing: run \`npm run build:web\` first.`);
  }
  const api = await startTestApi({ ...overrides, WEB_DIST_DIR });
  const seeder = new DemoSeedService(
    api.app.get(DataSource),
    api.app.get(AuditService, { strict: false }),
    api.app.get(PasswordService, { strict: false }),
  );
  // Browser files run in parallel and seed the same demo accounts: a lost race is retried once.
  await seeder.seed(DEMO_PASSWORD).catch(() => seeder.seed(DEMO_PASSWORD));
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    contexts,
    close: async () => {
      await closeContexts({ contexts });
      await browser.close();
      await api.close();
    },
  };
}

/** A page in a fresh browser context: no storage shared between users. */
export async function freshPage(h: Pick<WebHarness, 'browser' | 'contexts'>): Promise<Page> {
  const context = await h.browser.newContext();
  h.contexts.push(context);
  const page = await context.newPage();
  // Fail a step with its own message well before the test's timeout.
  page.setDefaultTimeout(15_000);
  return page;
}

/**
 * A fresh browser context (one browser profile: its tabs share storage and cookies), closed by
 * closeContexts or close.
 */
export async function freshContext(
  h: Pick<WebHarness, 'browser' | 'contexts'>,
): Promise<BrowserContext> {
  const context = await h.browser.newContext();
  h.contexts.push(context);
  return context;
}

/** Another tab of the same browser context. */
export async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Closes the contexts opened so far (between tests, so users never share a session). */
export async function closeContexts(h: Pick<WebHarness, 'contexts'>): Promise<void> {
  await Promise.all(h.contexts.splice(0).map((context) => context.close()));
}

/** Fills and submits the sign-in form. */
export async function submitSignIn(
  h: WebHarness,
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${h.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the overview's greeting. */
export async function signInAs(
  h: WebHarness,
  page: Page,
  email: string,
  password: string,
  name: string,
): Promise<void> {
  await submitSignIn(h, page, email, password);
  await page.getByRole('heading', { level: 1, name: `Welcome, ${name}` }).waitFor();
}

/** Authorization headers of a demo account signed in through the API. */
export async function apiAuth(h: WebHarness, email: string): Promise<{ Authorization: string }> {
  const login = await h.api.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`${email} sign-in failed: ${login.status}`);
  return { Authorization: `Bearer ${(login.body as { accessToken: string }).accessToken}` };
}

/** A situation opened through the API by the demo analyst (who then leads it). */
export async function openDemoSituation(
  h: WebHarness,
  fields: {
    title: string;
    summary: string;
    country?: string;
    classification?: 'unclassified' | 'confidential' | 'strictly_confidential';
  },
): Promise<{ id: string; reference: string; version: number; leadAnalystId: string | null }> {
  const created = await h.api
    .http()
    .post('/api/cases')
    .set(await apiAuth(h, 'analyst@vigil.test'))
    .send({ country: 'KEN', ...fields });
  if (created.status !== 201) throw new Error(`create situation failed: ${created.status}`);
  return created.body as {
    id: string;
    reference: string;
    version: number;
    leadAnalystId: string | null;
  };
}

/** Adds a demo account to a situation as the demo analyst (its lead), found by name. */
export async function addDemoMember(
  h: WebHarness,
  caseId: string,
  name: string,
  role: 'analyst' | 'adviser' | 'contributor' = 'analyst',
): Promise<string> {
  const auth = await apiAuth(h, 'analyst@vigil.test');
  const found = await h.api
    .http()
    .get(`/api/cases/${caseId}/member-candidates`)
    .query({ q: name })
    .set(auth);
  const candidate = (found.body as { id: string; displayName: string }[]).find(
    (c) => c.displayName === name,
  );
  if (!candidate) throw new Error(`${name} is not a candidate member`);
  const added = await h.api
    .http()
    .post(`/api/cases/${caseId}/members`)
    .set(auth)
    .send({ userId: candidate.id, role });
  if (added.status !== 201 && added.status !== 200)
    throw new Error(`adding ${name} failed: ${added.status}`);
  return candidate.id;
}

/** Saves a screenshot when SCREENSHOT_DIR is set (for looking at a page, never compared). */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

/** Screen sizes pages are looked at in: a laptop and a phone. */
export const SCREEN_SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * When SCREENSHOT_DIR is set, saves the page at each of SCREEN_SIZES (then restores the size),
 * e.g. `audit-withheld-desktop.png` and `audit-withheld-phone.png`.
 */
export async function maybeScreenshotSizes(page: Page, name: string): Promise<void> {
  if (!process.env.SCREENSHOT_DIR) return;
  const before = page.viewportSize();
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await maybeScreenshot(page, `${name}-${size.name}`);
  }
  if (before) await page.setViewportSize(before);
}
