import { randomUUID } from 'node:crypto';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  closeContexts,
  freshPage,
  openDemoSituation,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

const ASSETS = 'apps/web/dist/assets';
/** A source map planted before the api starts: it exists, yet must never be served. */
const PLANTED_MAP = `vigil-planted-${randomUUID().slice(0, 8)}.js.map`;

let h: WebHarness;

beforeAll(async () => {
  await writeFile(join(ASSETS, PLANTED_MAP), '{"version":3,"sources":["secret.ts"],"mappings":""}');
  h = await startWebHarness();
});
afterEach(async () => {
  await closeContexts(h);
});
afterAll(async () => {
  await rm(join(ASSETS, PLANTED_MAP), { force: true });
  await h.close();
  await closeTestPool();
});

/** `directive → sources` of a Content-Security-Policy header. */
function parsePolicy(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Every CSP violation the page reports (Chromium logs each to the console, every document). */
function watchViolations(page: Page): () => string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) seen.push(message.text());
  });
  return () => seen;
}

it("allows connections and fonts from the app's own origin only, and the app works under it", async () => {
  const page = await freshPage(h);
  const violations = watchViolations(page);
  const answer = await page.goto(`${h.baseUrl}/sign-in`);
  const header = answer?.headers()['content-security-policy'] ?? '';
  const policy = parsePolicy(header);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('font-src')).toEqual(["'self'"]);
  // As strict as before everywhere else.
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  expect(header).not.toMatch(/\b(wss?|https?):(?!\/\/)/);

  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  // The socket (WebSocket to the same host) connects under connect-src 'self'.
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

  // The pages with the most to load: the map, the heat map, a situation with its live room.
  const { id } = await openDemoSituation(h, {
    title: `Policy ${randomUUID().slice(0, 8)}`,
    summary: 'A situation to open under the policy.',
  });
  await page.goto(`${h.baseUrl}/situations`);
  await page.locator('.world-map__svg').waitFor();
  await page.goto(`${h.baseUrl}/risk`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${h.baseUrl}/information`);
  await page.getByRole('heading', { level: 1, name: 'Information' }).waitFor();
  await page.goto(`${h.baseUrl}/situations/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await page.getByText('Viewing now').waitFor();

  expect(violations()).toEqual([]);
});

it('serves no source maps: the build has none, and a planted one answers 404', async () => {
  const files = await readdir(ASSETS);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([PLANTED_MAP]);
  const script = files.find((f) => /^index-.*\.js$/.test(f));
  expect(script).toBeDefined();

  const served = await fetch(`${h.baseUrl}/assets/${script}`);
  expect(served.status).toBe(200);
  expect(await served.text()).not.toContain('sourceMappingURL');
  for (const path of [`/assets/${PLANTED_MAP}`, `/assets/${script}.map`, '/index.html.map']) {
    const answer = await fetch(`${h.baseUrl}${path}`);
    expect({ path, status: answer.status }).toEqual({ path, status: 404 });
    expect(await answer.text()).not.toContain('mappings');
  }
  // A missing asset is a 404 too, never the page.
  expect((await fetch(`${h.baseUrl}/assets/missing-${randomUUID()}.js`)).status).toBe(404);
  // The app's routes still get the page.
  const route = await fetch(`${h.baseUrl}/situations/anything`);
  expect(route.status).toBe(200);
  expect(route.headers.get('content-type')).toContain('text/html');
});
