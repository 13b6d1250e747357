import { randomInt } from 'node:crypto';
import {
  apiAuth,
  closeContexts,
  DEMO_PASSWORD,
  freshPage,
  signInAs,
  startWebHarness,
  type WebHarness,
} from '../support/browser.js';
import { closeTestPool } from '../support/factories.js';

// The source picker after source names were encrypted at rest (issue 14, item 3): it still finds
// a source as one types, by a word of its name or its first letters, through the blind index.

let h: WebHarness;

beforeAll(async () => {
  h = await startWebHarness();
});
afterAll(async () => {
  await closeContexts(h);
  await h.close();
  await closeTestPool();
});

it('finds a source as one types a word of its name or its first three letters', async () => {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const word = `vak${Array.from({ length: 8 }, () => letters[randomInt(letters.length)]).join('')}`;
  const name = `Goma field monitor ${word}`;
  const auth = await apiAuth(h, 'analyst@vigil.test');
  const created = await h.api
    .http()
    .post('/api/sources')
    .set(auth)
    .send({ name, kind: 'civil_society', reliability: 'B' });
  expect(created.status).toBe(201);

  const page = await freshPage(h);
  await signInAs(h, page, 'analyst@vigil.test', DEMO_PASSWORD, 'Amina Diallo');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Information' })
    .click();
  await page.getByRole('link', { name: 'Record information' }).click();
  await page.getByRole('heading', { level: 1, name: 'Record information' }).waitFor();
  const search = page.getByLabel('Find a source');
  const found = page.getByRole('list', { name: 'Sources found' });

  await search.fill(`${word} gom`);
  await found.getByRole('button', { name: new RegExp(name) }).waitFor();
  await search.fill(`${word.slice(0, 5)} FIELD`);
  await found.getByRole('button', { name: new RegExp(name) }).waitFor();
  await search.fill(`${word} bukavu`);
  await page.getByText(`No source matches “${word} bukavu”.`).waitFor();

  await search.fill(`monitor ${word}`);
  await found.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByText(`Source: ${name}`).waitFor();
}, 120_000);
