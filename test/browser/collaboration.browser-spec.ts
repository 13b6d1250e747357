import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  addDemoMember,
  closeContexts,
  freshPage,
  maybeScreenshot,
  openDemoSituation,
  signInAs,
  startWebHarness,
  submitSignIn,
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

const discussion = (page: Page) => page.getByRole('region', { name: 'Discussion' });

/** Opens a case page and waits until its live room has been joined (the user sees themself). */
async function openCase(page: Page, caseId: string, title: string, me: string): Promise<void> {
  await page.goto(`${h.baseUrl}/situations/${caseId}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('list', { name: 'Viewing now' }).getByText(me).waitFor();
}

it("two analysts see each other and each other's comments live; the Framework Team reads, comments and endorses a shared situation", async () => {
  const title = `Live ${randomUUID().slice(0, 8)}`;
  const { id: caseId, reference } = await openDemoSituation(h, {
    title,
    summary: 'Hate speech against a minority is rising ahead of the elections.',
  });
  await addDemoMember(h, caseId, 'Tomás Herrera');

  // Two analysts on the same case, in two browser contexts.
  const amina = await freshPage(h);
  await signInAs(h, amina, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  const tomas = await freshPage(h);
  await signInAs(h, tomas, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');
  await openCase(amina, caseId, title, 'Amina Diallo');
  await openCase(tomas, caseId, title, 'Tomás Herrera');

  // Presence: each sees the other's avatar (initials, the name for assistive technology).
  await tomas.getByRole('list', { name: 'Viewing now' }).getByText('Amina Diallo').waitFor();
  await amina.getByRole('list', { name: 'Viewing now' }).getByText('Tomás Herrera').waitFor();

  // Amina writes in the internal thread, mentioning Tomás with the keyboard, and sends with Ctrl+Enter.
  const box = discussion(amina).getByRole('textbox', { name: 'New comment' });
  await box.click();
  await box.pressSequentially('Please check the **new reports** @Herr');
  const option = discussion(amina).getByRole('option', { name: /Tomás Herrera/ });
  await option.waitFor();
  await box.press('Enter');
  expect(await box.inputValue()).toBe('Please check the **new reports** @Tomás Herrera ');
  await box.press('Control+Enter');
  await discussion(amina).getByRole('article', { name: 'Comment by Amina Diallo' }).waitFor();

  // Tomás sees it appear without reloading: rendered markdown, the mention, and the bell.
  const seen = discussion(tomas).getByRole('article', { name: 'Comment by Amina Diallo' });
  await seen.waitFor();
  expect(await seen.locator('.comment__body strong').first().textContent()).toBe('new reports');
  await tomas.getByRole('link', { name: /1 unread notification/ }).waitFor();
  await tomas
    .getByRole('list', { name: 'Timeline, newest first' })
    .getByText('commented in the internal thread')
    .waitFor();

  // Amina edits it ("edited" shown to both), Tomás replies.
  await discussion(amina).getByRole('button', { name: 'Edit' }).click();
  const edit = discussion(amina).getByRole('textbox', { name: 'Edit your comment' });
  await edit.fill('Please check the new reports from the north.');
  await discussion(amina).getByRole('button', { name: 'Save' }).click();
  await seen.getByText('(edited)').waitFor();
  await seen.getByText('Please check the new reports from the north.').waitFor();
  await discussion(tomas).getByRole('button', { name: 'Reply' }).click();
  const reply = discussion(tomas).getByRole('textbox', { name: 'Reply to Amina Diallo' });
  await reply.fill('On it.');
  await reply.press('Control+Enter');
  await discussion(amina).getByRole('article', { name: 'Comment by Tomás Herrera' }).waitFor();
  await maybeScreenshot(amina, 'case-page');

  // An adviser shares the situation with the Framework Team.
  const lena = await freshPage(h);
  await signInAs(h, lena, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await lena.goto(`${h.baseUrl}/situations/${caseId}`);
  await lena.getByRole('heading', { level: 1, name: title }).waitFor();
  // click, not check(): the switch follows the server's answer, so its state flips a moment later.
  await lena.getByRole('switch', { name: 'Share with the Framework Team' }).click();
  await lena
    .getByRole('status')
    .filter({ hasText: 'The situation is now shared with the Framework Team' })
    .waitFor();

  // A Framework Team member lands on the portal: priority situations only.
  const claire = await freshPage(h);
  await submitSignIn(h, claire, 'ft.ohchr@vigil.test', DEMO_PASSWORD);
  await claire.getByRole('heading', { level: 1, name: 'Priority situations' }).waitFor();
  expect(new URL(claire.url()).pathname).toBe('/framework-team');
  const nav = claire.getByRole('navigation', { name: 'Main' });
  expect(await nav.getByRole('link').allTextContents()).toEqual([
    'Priority situations',
    'Notifications',
  ]);
  await maybeScreenshot(claire, 'ft-portal');
  await claire.getByRole('link', { name: title }).click();
  await claire.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await claire.locator('.case-header__reference').textContent()).toBe(reference);
  // The restricted view: no internal thread, nothing of the Office's comments.
  const ftThread = claire.getByRole('region', { name: 'Framework Team discussion' });
  await ftThread.getByText('No comments yet.').waitFor();
  expect(await claire.getByRole('tab', { name: 'Internal' }).count()).toBe(0);
  expect(await claire.getByText('new reports').count()).toBe(0);

  // She comments in the Framework Team thread; Amina sees it under that tab, live.
  const ftBox = ftThread.getByRole('textbox', { name: 'New comment' });
  await ftBox.fill('OHCHR can share monitoring data from the region.');
  await ftThread.getByRole('button', { name: 'Post comment' }).click();
  await ftThread.getByRole('article', { name: 'Comment by Claire Dubois' }).waitFor();
  await discussion(amina).getByRole('tab', { name: 'Framework Team' }).click();
  await discussion(amina).getByText('OHCHR can share monitoring data from the region.').waitFor();

  // And endorses it with a note; the Office sees the count per entity.
  const endorse = claire.getByRole('region', { name: 'Your endorsement' });
  await endorse.getByLabel('Note').fill('We support preventive engagement.');
  await endorse.getByRole('button', { name: 'Endorse' }).click();
  await endorse.getByText(/You endorsed on/).waitFor();
  await claire.getByRole('list', { name: 'Endorsements per entity' }).getByText('OHCHR').waitFor();
  await maybeScreenshot(claire, 'ft-situation');
  const office = amina.getByRole('region', { name: 'Framework Team', exact: true });
  await office.getByRole('list', { name: 'Endorsements per entity' }).getByText('OHCHR').waitFor();
  await office.getByText('We support preventive engagement.').waitFor();
}, 180_000);
