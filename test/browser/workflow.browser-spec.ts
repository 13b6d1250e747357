import { randomUUID } from 'node:crypto';
import type { WorkflowFacts } from '@vigil/domain';
import type { Locator, Page } from 'playwright-core';
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
import { ALL_FACTS, supplyFacts } from '../support/cases.js';
import { closeTestPool } from '../support/factories.js';

let h: WebHarness;
let facts: Map<string, WorkflowFacts>;

beforeAll(async () => {
  h = await startWebHarness();
  facts = supplyFacts(h.api);
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The inbox item of a case, clicking "Load more" while it is not on the loaded pages yet. */
async function approvalItem(page: Page, reference: string): Promise<Locator> {
  const item = page.getByRole('listitem').filter({ hasText: reference });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if ((await item.count()) > 0) return item;
    const more = page.getByRole('button', { name: 'Load more' });
    if ((await more.count()) === 0) break;
    await more.click();
    await page.waitForTimeout(200);
  }
  await item.waitFor();
  return item;
}

it('an analyst proposes an escalation to alert that an adviser approves', async () => {
  const title = `Browser situation ${randomUUID().slice(0, 8)}`;

  // The analyst opens a situation through the "New situation" form.
  const analyst = await freshPage(h);
  await signInAs(h, analyst, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await nav(analyst).getByRole('link', { name: 'Situations' }).click();
  await analyst.getByRole('heading', { level: 1, name: 'Situations' }).waitFor();
  await analyst.getByRole('button', { name: 'New situation' }).click();
  const form = analyst.getByRole('dialog', { name: 'New situation' });
  await form.waitFor();
  await form.getByLabel('Title').fill(title);
  await form.getByRole('option', { name: 'Kenya' }).waitFor({ state: 'attached' });
  await form.getByLabel('Country').selectOption({ label: 'Kenya' });
  await form.getByLabel('Summary').fill('Reports of targeted attacks on civilians in the north.');
  await form.getByLabel('Classification').selectOption({ label: 'Confidential' });
  await form.getByRole('button', { name: 'Create situation' }).click();
  await analyst.waitForURL(/\/situations\/[0-9a-f-]{36}$/);
  const caseId = new URL(analyst.url()).pathname.split('/').pop() ?? '';
  await analyst.getByRole('heading', { level: 1, name: title }).waitFor();
  const reference = (await analyst.locator('.case-header__reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SIT-\d{4}-\d{4,}$/);

  // Assessments do not exist yet: the guard facts are supplied for this case.
  facts.set(caseId, ALL_FACTS);
  await analyst.reload();
  const stage = analyst.getByTestId('case-stage');
  await stage.waitFor();
  expect((await stage.textContent())?.trim()).toBe('Monitoring');

  await analyst.getByRole('button', { name: 'Propose a move' }).click();
  const propose = analyst.getByRole('dialog', { name: 'Propose a move' });
  await propose.waitFor();
  await propose.getByLabel('Target stage').selectOption('alert');
  const send = propose.getByRole('button', { name: 'Send proposal' });
  expect(await send.isDisabled()).toBe(true);
  await propose.getByLabel('Justification').fill('Hate speech and militia mobilisation reported.');
  await send.click();
  await propose.waitFor({ state: 'detached' });
  await stage.filter({ hasText: 'awaiting approval' }).waitFor();
  await analyst
    .getByRole('listitem')
    .filter({ hasText: 'Amina Diallo proposed escalation to alert' })
    .waitFor();
  // The proposer cannot approve their own proposal.
  expect(await analyst.getByRole('button', { name: 'Approve' }).count()).toBe(0);

  // The adviser approves it from the inbox, in another browser context.
  const adviser = await freshPage(h);
  await signInAs(h, adviser, 'adviser@vigil.test', DEMO_PASSWORD, 'Lena Okafor');
  await nav(adviser).getByRole('link', { name: 'Approvals' }).click();
  await adviser.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
  const item = await approvalItem(adviser, reference);
  expect(await item.textContent()).toContain('Monitoring → Alert');
  expect(await item.textContent()).toContain('Amina Diallo');
  await item.getByRole('button', { name: 'Approve' }).click();
  await adviser
    .getByRole('status')
    .filter({ hasText: `Approved: ${reference} moved to Alert.` })
    .waitFor();
  await item.waitFor({ state: 'detached' });

  // The analyst sees the new stage and the transition in the timeline.
  await analyst.reload();
  await stage.filter({ hasText: /^Alert$/ }).waitFor();
  await analyst
    .getByRole('listitem')
    .filter({ hasText: 'Lena Okafor approved the move from monitoring to alert' })
    .waitFor();

  // The list shows the case at its new stage, and the counts include it.
  await nav(analyst).getByRole('link', { name: 'Situations' }).click();
  await analyst.getByRole('searchbox', { name: 'Search' }).fill(title);
  const row = analyst.getByRole('row').filter({ hasText: reference });
  await row.waitFor();
  expect(await row.textContent()).toContain(title);
  expect(await row.textContent()).toContain('Kenya');
  expect(await row.textContent()).toContain('Alert');
  await analyst.getByRole('checkbox', { name: 'Alert 1' }).waitFor();
  await analyst.getByRole('link', { name: 'Kenya: 1 situation, highest stage alert' }).waitFor();
  // The map's country links are keyboard operable and set the country filter.
  await analyst
    .getByRole('link', { name: 'Kenya: 1 situation, highest stage alert' })
    .press('Enter');
  expect(await analyst.getByRole('combobox', { name: 'Country' }).inputValue()).toBe('KEN');
}, 120_000);

it('keeps the edited summary and offers a reload when someone else saved first', async () => {
  const auth = await apiAuth(h, 'analyst@vigil.test');
  const { id, version } = await openDemoSituation(h, {
    title: `Conflict ${randomUUID().slice(0, 8)}`,
    summary: 'First text.',
  });

  const page = await freshPage(h);
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await page.goto(`${h.baseUrl}/situations/${id}`);
  await page.getByRole('button', { name: 'Edit summary' }).click();
  await page.getByLabel('Summary text').fill('My careful rewrite.');

  // Someone else saves first.
  const other = await h.api
    .http()
    .patch(`/api/cases/${id}`)
    .set(auth)
    .send({ version, summary: 'Their text.' });
  expect(other.status).toBe(200);

  await page.getByRole('button', { name: 'Save summary' }).click();
  await page
    .getByRole('alert')
    .filter({
      hasText:
        'Someone else changed this situation since you opened it. Reload to see their version.',
    })
    .waitFor();
  expect(await page.getByLabel('Summary text').inputValue()).toBe('My careful rewrite.');
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.getByText('Their text.').waitFor();
  expect(await page.getByLabel('Summary text').inputValue()).toBe('My careful rewrite.');
  await page.getByRole('button', { name: 'Save summary' }).click();
  await page.getByRole('status').filter({ hasText: 'Summary saved.' }).waitFor();
  await page.getByText('My careful rewrite.').waitFor();
});
