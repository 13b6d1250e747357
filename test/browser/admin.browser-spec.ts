import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, startWebHarness, type WebHarness } from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

let h: WebHarness;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await h.close();
  await closeTestPool();
});

async function freshPage(): Promise<Page> {
  const context = await h.browser.newContext();
  contexts.push(context);
  return context.newPage();
}

async function signInAs(page: Page, email: string, password: string, name: string): Promise<void> {
  await page.goto(`${h.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: `Welcome, ${name}` }).waitFor();
}

it('the admin creates a user who can then sign in', async () => {
  const tag = randomUUID().slice(0, 8);
  const newUser = {
    name: `Browser User ${tag}`,
    email: `browser-${tag}@vigil.test`,
    password: `browser-pass-${tag}`,
  };

  const admin = await freshPage();
  await signInAs(admin, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await admin
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Users' })
    .click();
  await admin.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

  await admin.getByRole('button', { name: 'New user' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New user' });
  await dialog.waitFor();
  await dialog.getByLabel('Display name').fill(newUser.name);
  await dialog.getByLabel('E-mail').fill(newUser.email);
  await dialog.getByLabel('Initial password').fill(newUser.password);
  await dialog.getByRole('checkbox', { name: 'analyst' }).check();
  await dialog.getByLabel('Clearance').selectOption({ label: 'Confidential' });
  // Options load asynchronously; demo organisations sort before the factories' "Organisation …".
  await dialog.getByRole('option', { name: 'African Union' }).waitFor({ state: 'attached' });
  await dialog.getByLabel('Organisation').selectOption({ label: 'African Union' });
  await dialog.getByRole('button', { name: 'Create user' }).click();

  await dialog.waitFor({ state: 'detached' });
  await admin
    .getByRole('status')
    .filter({ hasText: `User “${newUser.name}” created.` })
    .waitFor();
  await admin.getByRole('searchbox', { name: 'Search users' }).fill(newUser.email);
  const row = admin.getByRole('row').filter({ hasText: newUser.email });
  await row.waitFor();
  expect(await row.textContent()).toContain(newUser.name);

  await admin.getByRole('button', { name: 'User menu' }).click();
  await admin.getByRole('button', { name: 'Sign out' }).click();
  await admin.getByRole('heading', { level: 1, name: 'Sign in to Vigil' }).waitFor();

  const page = await freshPage();
  await signInAs(page, newUser.email, newUser.password, newUser.name);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByRole('button', { name: 'User menu' }).getByText(newUser.name).waitFor();
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  expect((await links.allTextContents()).map((text) => text.trim())).toEqual([
    'Overview',
    'Situations',
  ]);
});
