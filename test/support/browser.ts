import { chromium, type Browser } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { AuditService, DemoSeedService, PasswordService } from '@vigil/server';
import { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './api.js';

/** Password of the demo accounts the browser tests sign in with. */
export const DEMO_PASSWORD = 'browser-demo-password';

/** The real api serving the built web app on a free port, with the demo accounts seeded. */
export interface WebHarness {
  api: TestApi;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startWebHarness(): Promise<WebHarness> {
  const api = await startTestApi({ WEB_DIST_DIR: 'apps/web/dist' });
  const seeder = new DemoSeedService(
    api.app.get(DataSource),
    api.app.get(AuditService, { strict: false }),
    api.app.get(PasswordService, { strict: false }),
  );
  // Browser files run in parallel and seed the same demo accounts: a lost race is retried once.
  await seeder.seed(DEMO_PASSWORD).catch(() => seeder.seed(DEMO_PASSWORD));
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await api.close();
    },
  };
}
