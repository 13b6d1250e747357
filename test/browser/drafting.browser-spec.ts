import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  addDemoMember,
  closeContexts,
  freshPage,
  maybeScreenshot,
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
const review = (page: Page) => page.getByRole('region', { name: 'Review' });

/** Opens a document and waits until its text is loaded and the editor accepts typing. */
async function openDocument(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await syncStatus(page).getByText('All changes saved').waitFor();
  await page.locator('.doc-editor__content[contenteditable="true"]').waitFor();
}

/** Waits two animation frames, so the editor has read the browser's selection. */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // The test code is type-checked without the DOM library: name the page's function.
        const frame = (globalThis as unknown as { requestAnimationFrame: (f: () => void) => void })
          .requestAnimationFrame;
        frame(() => frame(() => resolve()));
      }),
  );
}

/** Clicks a review step and confirms its dialog (with a recipient for transmission). */
async function takeStep(page: Page, step: string, recipient?: string): Promise<void> {
  await review(page).getByRole('button', { name: step, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (recipient) await dialog.getByLabel('Recipient').fill(recipient);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

it('two analysts draft together, live; an adviser approves and transmits; the PDF names the hash', async () => {
  const caseTitle = `Drafting ${randomUUID().slice(0, 8)}`;
  const { id: caseId } = await openDemoSituation(h, {
    title: caseTitle,
    summary: 'Hate speech against a minority is rising ahead of the elections.',
  });
  await addDemoMember(h, caseId, 'Tomás Herrera');

  // Amina starts an advice to the Secretary-General from the case page.
  const amina = await freshPage(h);
  await signInAs(h, amina, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await amina.goto(`${h.baseUrl}/situations/${caseId}`);
  const documents = amina.getByRole('region', { name: 'Documents' });
  await documents.getByText('No document yet.').waitFor();
  await documents.getByRole('button', { name: 'New document' }).click();
  const dialog = amina.getByRole('dialog', { name: 'New document' });
  await dialog.getByLabel('Kind').selectOption('advice_to_sg');
  const title = 'Advice on preventive engagement';
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await amina.getByRole('heading', { level: 1, name: title }).waitFor();
  const url = amina.url();
  expect(new URL(url).pathname).toMatch(new RegExp(`^/situations/${caseId}/documents/[0-9a-f-]+$`));
  await syncStatus(amina).getByText('All changes saved').waitFor();

  // Tomás opens the same document in another browser.
  const tomas = await freshPage(h);
  await signInAs(h, tomas, 'analyst2@vigil.test', DEMO_PASSWORD, 'Tomás Herrera');
  await openDocument(tomas, url, title);
  await openDocument(amina, url, title);

  // Each sees the other in "Editing now".
  await amina.getByRole('list', { name: 'Editing now' }).getByText('Tomás Herrera').waitFor();
  await tomas.getByRole('list', { name: 'Editing now' }).getByText('Amina Diallo').waitFor();

  // Amina writes a heading and a paragraph; Tomás sees them as they are typed.
  const aminaText = editorOf(amina, title);
  await aminaText.click();
  await amina.getByRole('button', { name: 'Heading 2' }).click();
  await amina.keyboard.type('Summary');
  await amina.keyboard.press('Enter');
  await amina.keyboard.type('The risk of atrocity crimes is rising in the north.');
  const tomasText = editorOf(tomas, title);
  await tomasText.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
  await tomasText.getByText('The risk of atrocity crimes is rising in the north.').waitFor();

  // Tomás adds a line at the end; Amina sees his text and his caret, labelled with his name.
  await tomasText.getByText('The risk of atrocity crimes').click();
  await tomas.keyboard.press('Control+End');
  // The editor reads a caret moved by the keyboard at the next selectionchange: let it.
  await nextFrames(tomas);
  await tomas.keyboard.press('Enter');
  await tomas.keyboard.type('We recommend quiet diplomacy first.');
  await aminaText.getByText('We recommend quiet diplomacy first.').waitFor();
  const caret = amina.locator('.collaboration-carets__label', { hasText: 'Tomás Herrera' });
  await caret.waitFor();
  await syncStatus(tomas).getByText('All changes saved').waitFor();
  await syncStatus(amina).getByText('All changes saved').waitFor();
  await maybeScreenshot(amina, 'document-editing');

  // Tomás loses the network: his edits wait, counted, and arrive when he is back.
  await tomas.context().setOffline(true);
  await syncStatus(tomas).getByText('Offline').waitFor();
  await tomas.keyboard.type(' Written offline.');
  await syncStatus(tomas)
    .getByText(/Offline — \d+ edits? pending/)
    .waitFor();
  await maybeScreenshot(tomas, 'document-offline');
  expect(await aminaText.getByText('Written offline.').count()).toBe(0);
  await tomas.context().setOffline(false);
  await syncStatus(tomas).getByText('All changes saved').waitFor();
  await aminaText.getByText('Written offline.').waitFor();

  // Amina links a word and adds a table at the end; Tomás sees both.
  await aminaText.getByText('The risk of atrocity crimes').dblclick({ position: { x: 4, y: 4 } });
  await nextFrames(amina);
  await amina.getByRole('button', { name: 'Link' }).click();
  await amina.getByLabel('Link address').fill('un.org');
  await amina.getByLabel('Link address').press('Enter');
  await tomasText.locator('a[href="https://un.org/"]').waitFor();
  await aminaText.getByText('Written offline.').click();
  await amina.keyboard.press('Control+End');
  await nextFrames(amina);
  await amina.getByRole('button', { name: 'Insert table' }).click();
  await amina.keyboard.type('Partner');
  await tomasText.getByRole('table').getByText('Partner').waitFor();
  await syncStatus(amina).getByText('All changes saved').waitFor();

  // Amina saves a version, Tomás adds a sentence, Amina submits: the diff shows what was added.
  await takeStep(amina, 'Save version');
  await amina.getByRole('status').filter({ hasText: 'Version saved.' }).waitFor();
  await tomas.keyboard.type(' Then a public statement.');
  await syncStatus(tomas).getByText('All changes saved').waitFor();
  await aminaText.getByText('Then a public statement.').waitFor();
  await takeStep(amina, 'Submit for review');
  await review(amina).getByText('In review').waitFor();
  const versions = amina.getByRole('region', { name: 'Versions' });
  await versions.getByRole('cell', { name: 'Submitted for review' }).waitFor();
  const changes = versions.getByRole('region', { name: 'Changes from version 1 to 2' });
  await changes.locator('ins').filter({ hasText: 'Then a public statement.' }).waitFor();
  expect(await changes.locator('ins').first().textContent()).toMatch(/^added: /);
  // One paragraph after another: no empty one slipped in between.
  expect(await changes.textContent()).toContain(
    'north.\n\nWe recommend quiet diplomacy first. Written offline.',
  );
  await maybeScreenshot(amina, 'document-in-review');
  // The reviewer's text is still open to drafting while in review: Tomás sees the new status.
  await review(tomas).getByText('In review').waitFor();

  // Lena, an adviser, approves and transmits; the editor turns read-only for everyone.
  const lena = await freshPage(h);
  await signInAs(h, lena, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await lena.goto(url);
  await lena.getByRole('heading', { level: 1, name: title }).waitFor();
  await editorOf(lena, title).getByText('Then a public statement.').waitFor();
  await takeStep(lena, 'Approve');
  await review(lena).getByText('Approved').waitFor();
  await takeStep(lena, 'Transmit', 'Executive Office of the Secretary-General');
  await review(lena).getByText('Transmitted').waitFor();
  const transmission = lena.getByRole('region', { name: 'Transmission' });
  await transmission.getByText('Executive Office of the Secretary-General').waitFor();
  const hash = (await lena.getByTestId('transmitted-sha256').textContent())?.trim() ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await transmission.getByRole('button', { name: 'Verify' }).click();
  await transmission.getByRole('status').getByText('Verified').waitFor();
  await tomas.getByRole('note').getByText('transmitted and can no longer be changed').waitFor();
  expect(await tomas.locator('.doc-editor__content').getAttribute('contenteditable')).toBe('false');

  // The PDF of the transmitted version downloads with the bearer token and names the hash.
  const lenaVersions = lena.getByRole('region', { name: 'Versions' });
  const transmittedRow = lenaVersions.getByRole('row').filter({ hasText: 'Transmitted' });
  expect(await transmittedRow.locator('code').getAttribute('title')).toBe(hash);
  const [download] = await Promise.all([
    lena.waitForEvent('download'),
    transmittedRow.getByRole('button', { name: /PDF/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.toString('latin1')).toContain(hash);
  await lenaVersions
    .getByRole('status')
    .getByText(/was downloaded/)
    .waitFor();
  await maybeScreenshot(lena, 'document-transmitted');
  await maybeScreenshot(tomas, 'document-read-only');

  // Tomás starts a new revision: a new draft with the transmitted text, linked to it.
  await review(tomas).getByRole('button', { name: 'New revision' }).click();
  await tomas.getByRole('status').filter({ hasText: 'A new revision was created.' }).waitFor();
  expect(tomas.url()).not.toBe(url);
  await tomas.getByRole('link', { name: 'Revision of the transmitted document' }).waitFor();
  await review(tomas).getByText('Drafting').waitFor();
  await editorOf(tomas, title).getByText('Then a public statement.').waitFor();
  await tomas.locator('.doc-editor__content[contenteditable="true"]').waitFor();
  await lena.getByRole('link', { name: 'Open the revision being drafted' }).waitFor();
}, 180_000);

it('the recommendations register and the engagements log, with overdue follow-ups on the case', async () => {
  const caseTitle = `Mobilising ${randomUUID().slice(0, 8)}`;
  const { id: caseId } = await openDemoSituation(h, {
    title: caseTitle,
    summary: 'Partners must be engaged before the elections.',
  });

  // Lena, an adviser, records a recommendation to the Secretary-General; four eyes: another
  // adviser approves and transmits it, and her page says so.
  const lena = await freshPage(h);
  await signInAs(h, lena, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await lena.goto(`${h.baseUrl}/situations/${caseId}`);
  await lena.getByRole('heading', { level: 1, name: caseTitle }).waitFor();
  const register = lena.getByRole('region', { name: 'Recommendations' });
  await register.getByText('No recommendation yet.').waitFor();
  await register.getByRole('button', { name: 'New recommendation' }).click();
  const form = register.getByRole('form', { name: 'New recommendation' });
  expect(await form.getByLabel('Addressee name').inputValue()).toBe('the Secretary-General');
  await form.getByLabel('Action').selectOption('convene_usgs');
  await form.getByLabel('Due').fill('2030-01-31');
  await form.getByRole('button', { name: 'Add recommendation' }).click();
  await form.getByText('Write the recommendation.').waitFor();
  await form.getByLabel('Recommendation', { exact: true }).fill('Convene the USGs on the north.');
  await form.getByRole('button', { name: 'Add recommendation' }).click();
  const drafted = register.getByRole('row').filter({ hasText: 'Convene the USGs on the north.' });
  await drafted.getByText('Draft', { exact: true }).waitFor();
  const ownApproval = drafted.getByRole('button', { name: /^Approve/ });
  expect(await ownApproval.isDisabled()).toBe(true);
  await drafted.getByText(/You drafted this recommendation: another adviser/).waitFor();
  await maybeScreenshotSizes(lena, 'recommendation-four-eyes');

  const rashid = await freshPage(h);
  await signInAs(h, rashid, 'adviser2@vigil.test', DEMO_PASSWORD, 'Rashid Karimov');
  await rashid.goto(`${h.baseUrl}/situations/${caseId}`);
  await rashid.getByRole('heading', { level: 1, name: caseTitle }).waitFor();
  const row = rashid
    .getByRole('region', { name: 'Recommendations' })
    .getByRole('row')
    .filter({ hasText: 'Convene the USGs on the north.' });
  await row.getByRole('button', { name: /^Approve/ }).click();
  const decision = rashid.getByRole('dialog');
  await decision.getByLabel('Note (optional)').fill('Agreed with the SAG.');
  await decision.getByRole('button', { name: 'Approve' }).click();
  await row.getByText('Approved', { exact: true }).waitFor();
  await row.getByRole('button', { name: /^Transmit/ }).click();
  await rashid.getByRole('dialog').getByRole('button', { name: 'Transmit' }).click();
  await row.getByText('Transmitted', { exact: true }).waitFor();
  await row.getByRole('button', { name: /^History/ }).click();
  const history = rashid
    .getByRole('region', { name: 'Recommendations' })
    .getByRole('list', { name: 'Status history' });
  await history.getByText('Draft → Approved by Rashid Karimov').waitFor();
  await history.getByText('Agreed with the SAG.').waitFor();
  await history.getByText('Approved → Transmitted by Rashid Karimov').waitFor();

  // Amina, the lead analyst, logs a meeting whose follow-up is already past due.
  const amina = await freshPage(h);
  await signInAs(h, amina, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await amina.goto(`${h.baseUrl}/situations/${caseId}`);
  await amina.getByRole('heading', { level: 1, name: caseTitle }).waitFor();
  // An analyst sees the register but takes no adviser decision.
  const seen = amina.getByRole('region', { name: 'Recommendations' });
  await seen.getByText('Convene the USGs on the north.').waitFor();
  expect(await seen.getByRole('button', { name: /^(Implemented|Declined)/ }).count()).toBe(0);
  const log = amina.getByRole('region', { name: 'Engagements' });
  await log.getByText('No engagement recorded yet.').waitFor();
  await log.getByRole('button', { name: 'New engagement' }).click();
  const entry = log.getByRole('form', { name: 'New engagement' });
  const organisation = entry.getByLabel('Organisation');
  const ohchr = organisation.locator('option', { hasText: 'OHCHR' });
  await organisation.selectOption((await ohchr.getAttribute('value')) ?? '');
  await entry.getByLabel('Kind').selectOption('meeting');
  await entry.getByLabel('Date').fill('2026-01-05');
  await entry.getByLabel('Follow-up due').fill('2026-01-10');
  await entry.getByLabel('Summary').fill('Met the regional office on monitoring.');
  await entry.getByLabel('Outcome').fill('They will share weekly reports.');
  await entry.getByRole('button', { name: 'Record engagement' }).click();
  const meeting = log.getByRole('row').filter({ hasText: 'Met the regional office' });
  await meeting.getByText('Overdue').waitFor();
  await amina.getByTestId('overdue-follow-ups').getByText('1 follow-up').waitFor();
  await maybeScreenshot(amina, 'case-mobilisation');

  // Done: the marker goes, on the row and on the case.
  await meeting.getByRole('button', { name: /^Mark follow-up done/ }).click();
  await meeting.getByText(/\(done /).waitFor();
  expect(await meeting.getByText('Overdue').count()).toBe(0);
  await amina.getByText('None overdue').waitFor();
}, 120_000);
