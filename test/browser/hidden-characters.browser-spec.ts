import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  apiAuth,
  closeContexts,
  DEMO_PASSWORD,
  freshPage,
  openDemoSituation,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

// Titles someone typed may carry invisible or text-direction characters (issue 15, item 6): the
// API accepts them in free text, and the web app writes each out as ⟨U+XXXX⟩ wherever a title is
// shown, so `Report\u202Efdp.exe` can never pass for "Reportexe.pdf" and two titles differing by
// a zero-width space never look the same.

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

/** The text a heading shows, and how many hidden characters it writes out. */
async function heading(page: Page, level: 1 | 2, expected: string) {
  const element = page.getByRole('heading', { level, name: expected });
  await element.waitFor();
  return {
    text: (await element.textContent()) ?? '',
    marked: await element.locator('.hidden-character').count(),
  };
}

it('writes out the hidden characters of situation, item and document titles', async () => {
  const tag = randomUUID().slice(0, 8);
  const caseTitle = `Report ${tag}\u202Efdp.exe`;
  const caseShown = `Report ${tag}⟨U+202E⟩fdp.exe`;
  const situation = await openDemoSituation(h, { title: caseTitle, summary: 'Hidden characters.' });
  const auth = await apiAuth(h, 'analyst@vigil.test');

  const source = await h.api
    .http()
    .post('/api/sources')
    .set(auth)
    .send({ name: `Monitor ${tag}`, kind: 'civil_society', reliability: 'B' });
  expect(source.status).toBe(201);
  const itemTitle = `Check\u200Bpoints ${tag}`;
  const item = await h.api
    .http()
    .post('/api/information-items')
    .set(auth)
    .send({
      title: itemTitle,
      description: 'Two titles that would look the same.',
      country: 'KEN',
      eventDate: '2026-10-02',
      kind: 'incident',
      sourceId: (source.body as { id: string }).id,
      credibility: 2,
      consent: 'yes',
      classification: 'unclassified',
      caseIds: [situation.id],
    });
  expect(item.status).toBe(201);
  const documentTitle = `Note ${tag} \u2066isolated\u2069`;
  const doc = await h.api
    .http()
    .post(`/api/cases/${situation.id}/documents`)
    .set(auth)
    .send({ kind: 'briefing', title: documentTitle });
  expect(doc.status).toBe(201);

  const page = await freshPage(h);
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');

  // The situation's page: heading, window title.
  await page.goto(`${h.baseUrl}/situations/${situation.id}`);
  const caseHeading = await heading(page, 1, caseShown);
  expect(caseHeading).toEqual({ text: caseShown, marked: 1 });
  expect(await page.title()).toContain(caseShown);
  expect(await page.title()).not.toContain('\u202E');
  // Its documents, listed on it.
  await page.getByRole('link', { name: `Note ${tag} ⟨U+2066⟩isolated⟨U+2069⟩` }).waitFor();

  // The list of situations (newest changes first: this one is on the first page).
  await page.goto(`${h.baseUrl}/situations`);
  const row = page.getByRole('rowheader', { name: caseShown });
  await row.waitFor();
  expect(await row.locator('.hidden-character').count()).toBe(1);

  // The item's page.
  const itemId = (item.body as { id: string }).id;
  await page.goto(`${h.baseUrl}/information/${itemId}`);
  expect(await heading(page, 1, `Check⟨U+200B⟩points ${tag}`)).toEqual({
    text: `Check⟨U+200B⟩points ${tag}`,
    marked: 1,
  });

  // The document's page.
  const docId = (doc.body as { id: string }).id;
  await page.goto(`${h.baseUrl}/situations/${situation.id}/documents/${docId}`);
  expect(await heading(page, 1, `Note ${tag} ⟨U+2066⟩isolated⟨U+2069⟩`)).toEqual({
    text: `Note ${tag} ⟨U+2066⟩isolated⟨U+2069⟩`,
    marked: 2,
  });
  await page.getByRole('link', { name: `← ${situation.reference}: ${caseShown}` }).waitFor();

  // Nowhere on these pages does a raw control character reach the screen.
  expect(await page.locator('body').textContent()).not.toMatch(
    /[\u202A-\u202E\u2066-\u2069\u200B]/,
  );
});
