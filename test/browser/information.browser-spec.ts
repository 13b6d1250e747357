import { randomInt, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  DEMO_PASSWORD,
  startWebHarness,
  closeContexts,
  freshPage,
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
}, 180_000);
