import { randomUUID } from 'node:crypto';
import {
  DEMO_PASSWORD,
  startWebHarness,
  closeContexts,
  freshPage,
  maybeScreenshotSizes,
  signInAs,
  type WebHarness,
} from '../support/browser.js';
import { buildUser, closeTestPool, testPool } from '../support/factories.js';

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

it('the admin creates a user who can then sign in', async () => {
  const tag = randomUUID().slice(0, 8);
  const newUser = {
    name: `Browser User ${tag}`,
    email: `browser-${tag}@vigil.test`,
    password: `browser-pass-${tag}`,
  };

  const admin = await freshPage(h);
  await signInAs(h, admin, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
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

  const page = await freshPage(h);
  await signInAs(h, page, newUser.email, newUser.password, newUser.name);
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByRole('button', { name: 'User menu' }).getByText(newUser.name).waitFor();
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  expect((await links.allTextContents()).map((text) => text.trim())).toEqual([
    'Overview',
    'Situations',
    'Information',
    'Risk heat map',
  ]);
});

it('the admin edits a user: a blank name is refused beside the field, a new name is saved', async () => {
  const tag = randomUUID().slice(0, 8);
  const target = await buildUser({ displayName: `Editable ${tag}`, roles: ['analyst'] });
  const admin = await freshPage(h);
  await signInAs(h, admin, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByLabel('Search users').fill(target.email);
  const row = admin.getByRole('row', { name: new RegExp(`Editable ${tag}`) });
  await row.getByRole('button', { name: 'Edit' }).click();
  const dialog = admin.getByRole('dialog', { name: `Edit Editable ${tag}` });

  await dialog.getByLabel('Display name').fill('');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog
    .getByRole('alert')
    .filter({ hasText: 'Please correct the highlighted fields.' })
    .waitFor();
  // The first field in error takes the focus.
  const nameId = await dialog.getByLabel('Display name').getAttribute('id');
  expect(await admin.locator(':focus').getAttribute('id')).toBe(nameId);

  await dialog.getByLabel('Display name').fill(`Renamed ${tag}`);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await admin
    .getByRole('status')
    .filter({ hasText: `Changes to “Renamed ${tag}” saved.` })
    .waitFor();
  const saved = await testPool().query('SELECT display_name FROM users WHERE id = $1', [target.id]);
  expect(saved.rows[0].display_name).toBe(`Renamed ${tag}`);
});

it('a grant waits for a second administrator: the requester sees why they cannot confirm, another confirms', async () => {
  const tag = randomUUID().slice(0, 8);
  const target = await buildUser({ displayName: `Candidate ${tag}`, roles: ['analyst'] });
  const admin = await freshPage(h);
  await signInAs(h, admin, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await admin.getByRole('link', { name: 'Users' }).click();

  // Sam grants the adviser role and a higher clearance: the rest of the form applies, not these.
  await admin.getByLabel('Search users').fill(target.email);
  const row = admin.getByRole('row', { name: new RegExp(`Candidate ${tag}`) });
  await row.getByRole('button', { name: 'Edit' }).click();
  const dialog = admin.getByRole('dialog', { name: `Edit Candidate ${tag}` });
  await dialog.getByRole('checkbox', { name: 'adviser' }).check();
  await dialog.getByLabel('Clearance').selectOption({ label: 'Strictly confidential' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await admin
    .getByRole('status')
    .filter({
      hasText:
        'Another administrator must confirm the adviser role and Strictly confidential clearance before it applies.',
    })
    .waitFor();

  const card = admin.getByRole('listitem').filter({ hasText: target.email });
  await card.waitFor();
  const confirm = card.getByRole('button', { name: 'Confirm' });
  expect(await confirm.isDisabled()).toBe(true);
  expect(await card.getByRole('button', { name: 'Reject' }).isDisabled()).toBe(true);
  const reason = 'You requested this change: another administrator must confirm it.';
  await card.getByText(reason).waitFor();
  // The reason is part of the button's description for a screen reader.
  const describedBy = (await confirm.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(
    describedBy.split(' ').map((id) => admin.locator(`[id="${id}"]`).textContent()),
  );
  expect(descriptions.join(' ')).toContain(reason);
  expect(await card.textContent()).toContain('Confidential → Strictly confidential');
  await admin.getByLabel('Search users').fill('');
  await maybeScreenshotSizes(admin, 'users-pending-change');

  // Noor, the second administrator, confirms it.
  const second = await freshPage(h);
  await signInAs(h, second, 'admin2@vigil.test', DEMO_PASSWORD, 'Noor Haddad');
  await second.getByRole('link', { name: 'Users' }).click();
  const theirCard = second.getByRole('listitem').filter({ hasText: target.email });
  await theirCard.getByRole('button', { name: 'Confirm' }).click();
  await second
    .getByRole('status')
    .filter({ hasText: `Confirmed: “Candidate ${tag}” now has the adviser role` })
    .waitFor();
  await theirCard.waitFor({ state: 'detached' });
  const saved = await testPool().query<{ roles: string[]; clearance: string }>(
    'SELECT roles, clearance FROM users WHERE id = $1',
    [target.id],
  );
  expect(saved.rows[0]).toEqual({
    roles: ['analyst', 'adviser'],
    clearance: 'strictly_confidential',
  });
});

it('a guessable password is refused beside the field, with the reason', async () => {
  const tag = randomUUID().slice(0, 8);
  const admin = await freshPage(h);
  await signInAs(h, admin, 'admin@vigil.test', DEMO_PASSWORD, 'Sam Admin');
  await admin.getByRole('link', { name: 'Users' }).click();
  await admin.getByRole('button', { name: 'New user' }).click();
  const dialog = admin.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Display name').fill(`Weak ${tag}`);
  await dialog.getByLabel('E-mail').fill(`weak-${tag}@vigil.test`);
  await dialog.getByLabel('Initial password').fill('password1234');
  await dialog.getByRole('checkbox', { name: 'analyst' }).check();
  await dialog.getByLabel('Clearance').selectOption({ label: 'Unclassified' });
  await dialog.getByRole('option', { name: 'African Union' }).waitFor({ state: 'attached' });
  await dialog.getByLabel('Organisation').selectOption({ label: 'African Union' });
  await dialog.getByRole('button', { name: 'Create user' }).click();

  const password = dialog.getByLabel('Initial password');
  await dialog
    .getByText(/This password is too easy to guess\. .*commonly used password/)
    .first()
    .waitFor();
  expect(await password.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
  const descriptions = await Promise.all(
    describedBy.split(' ').map((id) => admin.locator(`[id="${id}"]`).textContent()),
  );
  expect(descriptions.join(' ')).toMatch(/too easy to guess/);
  // The field in error has the focus, and nothing was created.
  expect(await admin.locator(':focus').getAttribute('name')).toBe('password');
  await maybeScreenshotSizes(admin, 'users-weak-password');
});
