import { randomUUID } from 'node:crypto';
import {
  addDemoMember,
  closeContexts,
  DEMO_PASSWORD,
  freshPage,
  maybeScreenshotSizes,
  openDemoSituation,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

// Reclassifying a situation (issue 14, item 5) is an adviser's decision, made in the open: the
// dialog says who loses access before anything is sent, the timeline records it, and a member not
// cleared for the new level who has the page open sees at once that it was taken away.

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

it('an adviser raises the classification; a member below it loses the open page at once', async () => {
  const title = `Reclassified ${randomUUID().slice(0, 8)}`;
  const { id } = await openDemoSituation(h, {
    title,
    summary: 'Reports of targeted attacks.',
    classification: 'confidential',
  });
  await addDemoMember(h, id, 'Tomás Herrera');

  // The member (cleared confidential) has the situation open.
  const member = await freshPage(h);
  await signInAs(h, member, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');
  await member.goto(`${h.baseUrl}/situations/${id}`);
  await member.getByRole('heading', { level: 1, name: title }).waitFor();
  // A member may not reclassify: no button offers it.
  await member.getByRole('region', { name: 'Members' }).waitFor();
  expect(await member.getByRole('button', { name: 'Change' }).count()).toBe(0);

  const adviser = await freshPage(h);
  await signInAs(h, adviser, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await adviser.goto(`${h.baseUrl}/situations/${id}`);
  await adviser.getByRole('heading', { level: 1, name: title }).waitFor();
  await adviser.getByRole('button', { name: 'Change' }).click();
  const dialog = adviser.getByRole('dialog', { name: 'Change classification' });
  await dialog.getByText(/anyone not cleared for the new level/).waitFor();
  const submit = dialog.getByRole('button', { name: 'Change classification' });
  // Nothing to send until another level is chosen.
  expect(await submit.isDisabled()).toBe(true);
  await dialog.getByLabel('Classification').selectOption('strictly_confidential');
  await maybeScreenshotSizes(adviser, 'reclassify-dialog');
  await submit.click();
  await adviser
    .getByRole('status')
    .filter({ hasText: 'Classification changed to Strictly confidential.' })
    .waitFor();
  await adviser.getByText('reclassified the situation strictly confidential').waitFor();

  // The member's open page is taken away, with the reason in words.
  await member
    .getByRole('heading', { level: 1, name: 'You no longer have access to this situation' })
    .waitFor();
  expect(await member.getByText(title).count()).toBe(0);
  await maybeScreenshotSizes(member, 'reclassify-member-lost');
});
