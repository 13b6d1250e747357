import { randomUUID } from 'node:crypto';
import {
  DEMO_PASSWORD,
  startWebHarness,
  closeContexts,
  freshPage,
  apiAuth,
  openDemoSituation,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

it('the lead analyst finds a colleague, adds her as adviser, then removes her', async () => {
  const auth = await apiAuth(h, 'analyst@vigil.test');
  const { id, leadAnalystId } = await openDemoSituation(h, {
    title: `Members ${randomUUID().slice(0, 8)}`,
    summary: 'Reports of targeted attacks.',
  });
  expect(leadAnalystId).not.toBeNull();

  const page = await freshPage(h);
  await page.goto(`${h.baseUrl}/sign-in`);
  await page.getByLabel('E-mail').fill('analyst@vigil.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Welcome, Amina Diallo' }).waitFor();
  await page.goto(`${h.baseUrl}/situations/${id}`);

  const section = page.getByRole('region', { name: 'Members' });
  await section.getByText('No members yet.').waitFor();

  // Find the adviser by part of her name, with the keyboard where it matters.
  await section.getByRole('searchbox', { name: 'Find a colleague' }).fill('okaf');
  // By her e-mail too: other suites may hold people whose names begin the same.
  const candidate = section
    .getByRole('list', { name: 'Colleagues found' })
    .getByRole('button')
    .filter({ hasText: 'adviser@vigil.test' });
  await candidate.waitFor();
  await candidate.focus();
  await candidate.press('Enter');
  expect(await candidate.getAttribute('aria-pressed')).toBe('true');
  await section.getByText('Selected: Lena Okafor').waitFor();
  await section.getByRole('combobox', { name: 'Role on the case' }).selectOption('adviser');
  await section.getByRole('button', { name: 'Add member' }).click();

  const list = section.getByRole('list', { name: 'Current members' });
  const row = list.getByRole('listitem').filter({ hasText: 'Lena Okafor' });
  await row.waitFor();
  expect(await row.textContent()).toContain('Adviser · adviser@vigil.test');
  await page.getByRole('status').filter({ hasText: 'Lena Okafor was added as adviser.' }).waitFor();
  const members = await h.api.http().get(`/api/cases/${id}/members`).set(auth);
  expect(members.body).toEqual([expect.objectContaining({ displayName: 'Lena Okafor' })]);

  // Removing asks for confirmation first; "Keep" leaves her on the case.
  await section.getByRole('button', { name: 'Remove Lena Okafor' }).click();
  await section.getByRole('button', { name: 'Keep' }).click();
  await section.getByRole('button', { name: 'Remove Lena Okafor' }).waitFor();
  expect(await row.count()).toBe(1);

  await section.getByRole('button', { name: 'Remove Lena Okafor' }).click();
  await section.getByRole('group', { name: 'Confirm removing Lena Okafor' }).waitFor();
  await section.getByRole('button', { name: 'Yes, remove' }).click();
  await row.waitFor({ state: 'detached' });
  await section.getByText('No members yet.').waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: 'Lena Okafor was removed from the situation.' })
    .waitFor();
  const after = await h.api.http().get(`/api/cases/${id}/members`).set(auth);
  expect(after.body).toEqual([]);
}, 120_000);
