import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  addDemoMember,
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

const editorOf = (page: Page, title: string) =>
  page.getByRole('textbox', { name: `Text of ${title}` });
const syncStatus = (page: Page) => page.getByTestId('sync-status');

/**
 * A situation led by Amina with Tomás as an analyst member, and a document on it started by
 * Amina; Tomás has the document open, editable, with a line of his own in it.
 */
async function tomasDrafting(
  classification: 'unclassified' | 'confidential',
): Promise<{ page: Page; caseId: string; tomasId: string; title: string }> {
  const { id: caseId } = await openDemoSituation(h, {
    title: `Withdrawn ${randomUUID().slice(0, 8)}`,
    summary: 'Hate speech is rising ahead of the elections.',
    classification,
  });
  const tomasId = await addDemoMember(h, caseId, 'Tomás Herrera');
  const title = `Advice ${randomUUID().slice(0, 8)}`;
  const created = await h.api
    .http()
    .post(`/api/cases/${caseId}/documents`)
    .set(await apiAuth(h, 'analyst@vigil.test'))
    .send({ kind: 'advice_to_sg', title });
  expect(created.status).toBe(201);
  const documentId = (created.body as { id: string }).id;

  const page = await freshPage(h);
  await signInAs(h, page, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');
  await page.goto(`${h.baseUrl}/situations/${caseId}/documents/${documentId}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await syncStatus(page).getByText('All changes saved').waitFor();
  await page.locator('.doc-editor__content[contenteditable="true"]').waitFor();
  await editorOf(page, title).click();
  await page.keyboard.type('A line by Tomás.');
  await syncStatus(page).getByText('All changes saved').waitFor();
  return { page, caseId, tomasId, title };
}

/** The lead removes Tomás from the situation, through the api. */
async function removeTomas(caseId: string, tomasId: string): Promise<void> {
  const removed = await h.api
    .http()
    .delete(`/api/cases/${caseId}/members/${tomasId}`)
    .set(await apiAuth(h, 'analyst@vigil.test'));
  expect([200, 204]).toContain(removed.status);
}

it('a member removed from a confidential situation while its document is open loses the document at once', async () => {
  const { page, caseId, tomasId, title } = await tomasDrafting('confidential');
  // Every document message the page sends from the moment access is withdrawn.
  const sentAfter: string[] = [];
  let withdrawn = false;
  page.on('websocket', (socket) =>
    socket.on('framesent', (frame) => {
      if (withdrawn) sentAfter.push(String(frame.payload));
    }),
  );

  await removeTomas(caseId, tomasId);
  await page
    .getByRole('heading', { level: 1, name: 'You no longer have access to this document' })
    .waitFor();
  withdrawn = true;
  const alert = page.getByRole('alert');
  expect(await alert.textContent()).toContain('Your access to this document was withdrawn');
  // Its text and title are gone from the page.
  expect(await editorOf(page, title).count()).toBe(0);
  expect(await page.getByText('A line by Tomás.').count()).toBe(0);
  expect(await page.getByRole('heading', { name: title }).count()).toBe(0);
  expect(await page.title()).not.toContain(title);
  await maybeScreenshotSizes(page, 'document-access-withdrawn');

  // Typing anywhere sends nothing about the document any more.
  await page.keyboard.type('More text.');
  await page.waitForTimeout(300);
  expect(sentAfter.filter((frame) => frame.includes('doc:'))).toEqual([]);
  await page.getByRole('link', { name: '← Situations' }).click();
  await page.getByRole('heading', { level: 1, name: 'Situations' }).waitFor();
});

it('a member removed from an unclassified situation keeps reading its document, read-only', async () => {
  const { page, caseId, tomasId, title } = await tomasDrafting('unclassified');
  await removeTomas(caseId, tomasId);

  const banner = page.getByRole('note').filter({ hasText: 'Read only.' });
  await banner.waitFor();
  await banner
    .getByText(/Your right to edit this document was withdrawn while you had it open/)
    .waitFor();
  await page.locator('.doc-editor__content[contenteditable="false"]').waitFor();
  // Still readable: every analyst may read an unclassified situation.
  await editorOf(page, title).getByText('A line by Tomás.').waitFor();
  await maybeScreenshotSizes(page, 'document-read-only-after-removal');
});
