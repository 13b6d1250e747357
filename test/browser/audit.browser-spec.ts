import { randomUUID } from 'node:crypto';
import {
  DEMO_PASSWORD,
  apiAuth,
  closeContexts,
  freshPage,
  maybeScreenshotSizes,
  openDemoSituation,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

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

it('the administrator sees who did what to which record, but not the content of a record above their clearance', async () => {
  const title = `Withheld ${randomUUID().slice(0, 8)}`;
  // Strictly confidential; the demo administrator is cleared for unclassified only.
  const { id } = await openDemoSituation(h, {
    title,
    summary: 'Nothing of this may reach the administrator.',
    classification: 'strictly_confidential',
  });

  const page = await freshPage(h);
  await signInAs(h, page, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await page.goto(`${h.baseUrl}/admin/audit`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await page.getByRole('searchbox', { name: 'Action' }).fill('case.create');
  await page.getByRole('searchbox', { name: 'Action' }).press('Enter');

  // Its creation's entry (until the filter applies, the page also lists the case's others).
  const row = page
    .getByRole('row')
    .filter({ hasText: id })
    .filter({ has: page.getByText('case.create', { exact: true }) });
  await row.waitFor();
  const cells = (await row.getByRole('cell').allTextContents()).map((text) => text.trim());
  // Accountability: who, which action, which kind of record and its id, the request, the hash.
  expect(cells).toEqual(
    expect.arrayContaining(['analyst@vigil.test', 'case.create', `case ${id}`]),
  );
  const text = (await row.textContent()) ?? '';
  expect(text).toMatch(/[0-9a-f]{12}…/);
  // Content: withheld, named field by field, never shown.
  expect(text).toContain('Content withheld: you may not read this record.');
  const withheld = await row.locator('.audit-diff__names').textContent();
  expect(withheld?.split(', ')).toEqual(expect.arrayContaining(['title']));
  await row.getByText(`${withheld}: withheld`).waitFor();
  expect(text).not.toContain(title);
  expect(await page.getByText(title).count()).toBe(0);
  await maybeScreenshotSizes(page, 'audit-withheld');
});

it('the administrator reads the values of a record they may read: a user they created', async () => {
  const auth = await apiAuth(h, 'admin@vigil.test');
  const me = await h.api.http().get('/api/auth/me').set(auth);
  const organisationId = (me.body as { user: { organisation: { id: string } } }).user.organisation
    .id;
  const email = `audit-${randomUUID().slice(0, 8)}@vigil.test`;
  const created = await h.api
    .http()
    .post('/api/users')
    .set(auth)
    .send({
      email,
      displayName: 'Audit Reader',
      password: 'a-long-enough-password',
      roles: ['analyst'],
      clearance: 'confidential',
      organisationId,
    });
  expect(created.status).toBe(201);
  const id = (created.body as { id: string }).id;

  const page = await freshPage(h);
  await signInAs(h, page, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await page.goto(`${h.baseUrl}/admin/audit`);
  await page.getByRole('searchbox', { name: 'Action' }).fill('user.create');
  await page.getByRole('searchbox', { name: 'Action' }).press('Enter');
  // The creation's own entry: the grant of its clearance, awaiting a second administrator, is
  // another entry about the same user (and is on the page until the filter applies).
  const row = page
    .getByRole('row')
    .filter({ hasText: id })
    .filter({ has: page.getByText('user.create', { exact: true }) });
  await row.waitFor();
  const changes = row.locator('.audit-diff');
  await changes.getByText(email).waitFor();
  await changes.getByText('Audit Reader').waitFor();
  expect(await changes.textContent()).not.toContain('withheld');
  await maybeScreenshotSizes(page, 'audit-readable');
});
