import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  startWebHarness,
  closeContexts,
  freshPage,
  apiAuth,
  openDemoSituation,
  signInAs,
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

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A word no other test writes: letters only, so full-text search keeps it whole. */
function uniqueWord(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `kesh${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
}

/** `YYYY-MM-DD` some days ago (UTC). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

it('an analyst records graded information, finds it, cites it in an assessment that an adviser finalises onto the heat map', async () => {
  const tag = randomUUID().slice(0, 8);
  const word = uniqueWord();
  const itemTitle = `Checkpoints around villages ${tag}`;
  const sourceName = `OHCHR field office ${tag}`;
  const situation = await openDemoSituation(h, {
    title: `Information situation ${tag}`,
    summary: 'Militia activity reported in the north.',
  });

  // The analyst records an item: the form refuses it empty, with focus on the first field.
  const analyst = await freshPage(h);
  await signInAs(h, analyst, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await nav(analyst).getByRole('link', { name: 'Information' }).click();
  await analyst.getByRole('heading', { level: 1, name: 'Information' }).waitFor();
  await analyst.getByRole('link', { name: 'Record information' }).click();
  await analyst.getByRole('heading', { level: 1, name: 'Record information' }).waitFor();
  const submit = analyst.getByRole('button', { name: 'Record information' });
  await submit.click();
  await analyst
    .getByRole('alert')
    .filter({ hasText: 'Please correct the highlighted fields.' })
    .waitFor();
  const title = analyst.getByLabel('Title', { exact: true });
  await analyst.locator('input[name="title"]:focus').waitFor();
  expect(await title.getAttribute('aria-invalid')).toBe('true');
  await analyst.getByText('Enter a title.').waitFor();

  await title.fill(itemTitle);
  await analyst
    .getByLabel('Description')
    .fill(`Witnesses describe ${word} roadblocks where identity documents were checked.`);
  await analyst.getByLabel('Kind').selectOption('incident');
  await analyst.getByLabel('Event type').selectOption('violence_against_civilians');
  await analyst.getByLabel('Sub-type').selectOption('attack');
  await analyst.getByLabel('Event date').fill(daysAgo(3));
  await analyst.getByRole('checkbox', { name: 'Genocide' }).check();
  await analyst.getByRole('option', { name: 'Kenya' }).first().waitFor({ state: 'attached' });
  await analyst.getByLabel('Country', { exact: true }).selectOption({ label: 'Kenya' });
  await analyst.getByLabel('Place name').fill('Kigoma');

  // A new source, recorded inline; the grade follows the source and the credibility.
  await analyst.getByRole('button', { name: 'Record a new source' }).click();
  await analyst.getByLabel('Source name').fill(sourceName);
  await analyst.getByLabel('Source kind').selectOption('un_entity');
  await analyst.getByLabel('Source reliability').selectOption('B');
  await analyst.getByRole('button', { name: 'Add source' }).click();
  await analyst.getByText(`Source: ${sourceName}`).waitFor();
  await analyst.getByLabel('Credibility of the information').selectOption('2');
  await analyst
    .locator('output.grade-preview')
    .filter({ hasText: 'B2 — usually reliable source; information probably true' })
    .waitFor();

  // An indicator of risk factor 1 and the situation.
  await analyst.getByText('RF1 Armed conflict or instability').click();
  await analyst.getByRole('checkbox', { name: /^1\.1 / }).check();
  await analyst.getByLabel('Find a situation').fill(`situation ${tag}`);
  await analyst
    .getByRole('list', { name: 'Situations found' })
    .getByRole('button', { name: new RegExp(situation.reference) })
    .click();
  await analyst
    .getByRole('list', { name: 'Linked situations' })
    .getByRole('button', { name: `Unlink ${situation.reference}` })
    .waitFor();
  await analyst.getByLabel('Consent').selectOption('not_applicable');
  await analyst.getByLabel('Classification').selectOption('confidential');
  await submit.click();

  await analyst.waitForURL(/\/information\/[0-9a-f-]{36}$/);
  await analyst.getByRole('heading', { level: 1, name: itemTitle }).waitFor();
  await analyst
    .getByRole('status')
    .filter({ hasText: 'Information recorded, graded B2.' })
    .waitFor();
  const details = analyst.getByRole('region', { name: 'Details' });
  expect(await details.textContent()).toContain(sourceName);
  expect(await details.textContent()).toContain(situation.reference);

  // Found by a word of its description, the word marked in the snippet.
  await nav(analyst).getByRole('link', { name: 'Information' }).click();
  await analyst.getByRole('searchbox', { name: 'Search' }).fill(word);
  const results = analyst.getByRole('list', { name: 'Information found' });
  const result = results.getByRole('listitem').filter({ hasText: itemTitle });
  await result.waitFor();
  await analyst.getByRole('status').filter({ hasText: '1 item found' }).waitFor();
  expect(await result.locator('mark').first().textContent()).toBe(word);
  expect(await result.textContent()).toContain(
    'usually reliable source; information probably true',
  );
  expect(await result.locator('.grade__code').getAttribute('title')).toBe(
    'usually reliable source; information probably true',
  );

  // The analyst drafts this month's assessment of the situation, citing the item on RF1.
  await analyst.goto(`${h.baseUrl}/situations/${situation.id}`);
  await analyst.getByRole('link', { name: 'New assessment' }).click();
  await analyst.getByRole('heading', { level: 1, name: 'New risk assessment' }).waitFor();
  await analyst.getByRole('checkbox', { name: 'Genocide' }).check();
  await analyst.getByRole('heading', { name: 'Risk factors (10 apply)' }).waitFor();
  const factor = (n: number) => analyst.getByRole('group', { name: new RegExp(`^RF${n} `) });
  for (let n = 1; n <= 10; n += 1) {
    await factor(n)
      .getByLabel('Rating')
      .selectOption(n === 1 ? '3' : '1');
  }
  await factor(1).getByLabel('Rationale').fill('Checkpoints and armed patrols in the north.');
  await analyst.getByTestId('computed-level').filter({ hasText: 'Moderate' }).waitFor();
  await factor(1).getByText('Evidence (0 cited)').click();
  await factor(1).getByRole('searchbox', { name: 'Find information for RF1' }).fill(word);
  await factor(1)
    .getByRole('list', { name: 'Information found for RF1' })
    .getByRole('button', { name: new RegExp(itemTitle) })
    .click();
  await factor(1)
    .getByRole('list', { name: 'Information cited for RF1' })
    .getByRole('button', { name: `Remove ${itemTitle}` })
    .waitFor();
  await analyst.getByLabel('Overall level (your judgement)').selectOption('moderate');
  await analyst.getByRole('button', { name: 'Save draft' }).click();
  await analyst.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
  const assessmentUrl = analyst.url();
  await analyst
    .getByRole('status')
    .filter({ hasText: /Draft assessment for \d{4}-\d{2} saved/ })
    .waitFor();
  expect((await analyst.getByTestId('status').textContent())?.trim()).toBe('Draft');
  // Analysts draft; only advisers finalise.
  expect(await analyst.getByRole('button', { name: 'Finalise' }).count()).toBe(0);

  // The adviser finalises the draft.
  const adviser = await freshPage(h);
  await signInAs(h, adviser, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await adviser.goto(assessmentUrl);
  await adviser.getByRole('button', { name: 'Finalise' }).click();
  await adviser
    .getByRole('status')
    .filter({ hasText: 'Assessment finalised: Moderate risk.' })
    .waitFor();
  expect((await adviser.getByTestId('status').textContent())?.trim()).toBe('Finalised');
  await adviser.getByRole('link', { name: itemTitle }).waitFor();

  // The heat map shows the situation with its level and the rating in each cell.
  await nav(adviser).getByRole('link', { name: 'Risk heat map' }).click();
  await adviser.getByRole('heading', { level: 1, name: 'Risk heat map' }).waitFor();
  const row = adviser.getByRole('row').filter({ hasText: situation.reference });
  await row.waitFor();
  expect(await row.textContent()).toContain('Moderate');
  const cells = await row.getByRole('cell').allTextContents();
  // Level, trend, month, then RF1 … RF14 (11–14 do not apply to genocide).
  expect(cells.slice(3, 5)).toEqual(['3 high', '1 low']);
  expect(cells.slice(13)).toEqual(['–not rated', '–not rated', '–not rated', '–not rated']);

  // A finalised assessment is never edited: superseding starts a new draft with its ratings.
  await adviser.goto(assessmentUrl);
  await adviser.getByRole('button', { name: 'Supersede (revise)' }).click();
  await adviser
    .getByRole('status')
    .filter({ hasText: /A new draft for \d{4}-\d{2} was started from this one/ })
    .waitFor();
  expect(adviser.url()).not.toBe(assessmentUrl);
  expect((await adviser.getByTestId('status').textContent())?.trim()).toBe('Draft');
  expect(
    await adviser.getByRole('group', { name: /^RF1 / }).getByLabel('Rating').inputValue(),
  ).toBe('3');
}, 180_000);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

it('a speech item: the Rabat level follows the parts; a disguised file is refused beside the field, a real one kept; CSV export; an edit that lost a race offers a reload', async () => {
  const tag = randomUUID().slice(0, 8);
  const word = uniqueWord();
  const auth = await apiAuth(h, 'analyst@vigil.test');
  const source = await h.api
    .http()
    .post('/api/sources')
    .set(auth)
    .send({ name: `Radio monitor ${tag}`, kind: 'media', reliability: 'C' });
  expect(source.status).toBe(201);
  const created = await h.api
    .http()
    .post('/api/information-items')
    .set(auth)
    .send({
      title: `Broadcast speech ${tag}`,
      description: `A governor calls listeners to ${word} the neighbours.`,
      country: 'KEN',
      eventDate: daysAgo(2),
      kind: 'speech',
      sourceId: (source.body as { id: string }).id,
      credibility: 3,
      consent: 'not_applicable',
      classification: 'confidential',
    });
  expect(created.status).toBe(201);
  const item = created.body as { id: string; version: number };

  const page = await freshPage(h);
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await page.goto(`${h.baseUrl}/information/${item.id}`);
  await page.getByRole('heading', { level: 1, name: `Broadcast speech ${tag}` }).waitFor();
  expect(await page.locator('.grade__code').first().textContent()).toBe('C3');

  // The Rabat test: the level is computed as the parts are ticked.
  const speech = page.getByRole('region', { name: 'Speech assessment' });
  await speech.getByRole('button', { name: 'Assess the speech' }).click();
  await speech.getByLabel('Speaker', { exact: true }).fill('Provincial governor');
  await speech.getByLabel('Target group', { exact: true }).fill('Neighbouring community');
  await speech.getByRole('checkbox', { name: 'Dehumanisation' }).check();
  const parts = speech.getByRole('checkbox', { name: /^Met: / });
  expect(await parts.count()).toBe(6);
  for (let i = 0; i < 4; i += 1) await parts.nth(i).check();
  await speech.getByText('May warrant civil or administrative action').waitFor();
  await parts.nth(4).check();
  await parts.nth(5).check();
  await speech.getByText('Incitement (all six parts met)').waitFor();
  await speech.getByLabel('Note on Status of the speaker').fill('Holds office; wide following.');
  await speech.getByRole('button', { name: 'Save speech assessment' }).click();
  await page.getByRole('status').filter({ hasText: 'Speech assessment saved.' }).waitFor();
  await speech.getByText('Holds office; wide following.').waitFor();
  expect(await speech.textContent()).toContain('Level: Incitement (all six parts met)');

  // A PNG named .pdf is refused beside the field, which gets the focus; a text file is kept.
  const attachments = page.getByRole('region', { name: 'Attachments' });
  const file = attachments.getByLabel('Attach a file');
  await file.setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: PNG });
  await attachments.getByRole('button', { name: 'Upload' }).click();
  await attachments.getByText(/This type of file is not accepted: .*image\/png/).waitFor();
  expect(await file.getAttribute('aria-invalid')).toBe('true');
  await attachments.locator('input[type="file"]:focus').waitFor();
  await file.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Transcript of the broadcast.\n'),
  });
  await attachments.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('status').filter({ hasText: 'notes.txt attached.' }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    attachments.getByRole('button', { name: 'Download notes.txt' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('notes.txt');

  // The list of matches exports as CSV with the session's token.
  await nav(page).getByRole('link', { name: 'Information' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(word);
  await page.getByRole('status').filter({ hasText: '1 item found' }).waitFor();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^vigil-information-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByRole('status').filter({ hasText: 'Exported 1 item to CSV.' }).waitFor();

  // Someone else saves first: the edit says so and reloads their version on request.
  const current = await h.api.http().get(`/api/information-items/${item.id}`).set(auth);
  await page.goto(`${h.baseUrl}/information/${item.id}/edit`);
  const title = page.getByLabel('Title', { exact: true });
  await title.fill(`My title ${tag}`);
  const other = await h.api
    .http()
    .patch(`/api/information-items/${item.id}`)
    .set(auth)
    .send({ version: (current.body as { version: number }).version, title: `Their title ${tag}` });
  expect(other.status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page
    .getByRole('alert')
    .filter({ hasText: 'Someone else changed this item since you opened it.' })
    .waitFor();
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.locator(`input[name="title"][value="Their title ${tag}"]`).waitFor();
  await title.fill(`My title ${tag}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: `My title ${tag}` }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
}, 180_000);
