import { createVigilClient } from '@vigil/client';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { generatedTypes } from '../../tools/openapi/generate-client.js';
import { openApiDocument } from '../../tools/openapi/openapi-document.js';
import { buildUser, closeTestPool } from '../support/factories.js';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
let baseUrl: string;
beforeAll(async () => {
  api = await startTestApi();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.getHttpServer().address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await api.close();
  await closeTestPool();
});

describe('libs/client', () => {
  it('the committed API types are current (run npm run client:generate when this fails)', async () => {
    const committed = readFileSync('libs/client/src/generated/api-types.ts', 'utf8');
    expect(committed).toBe(await generatedTypes());
  });

  it('the document the generator reads is the one the running api serves', async () => {
    const served = await api.http().get('/api/docs-json');
    expect(Object.keys(served.body.paths).sort()).toEqual(
      Object.keys((await openApiDocument()).paths).sort(),
    );
  });

  it('signs in and reads the caller through the typed client', async () => {
    const admin = await buildUser({ roles: ['admin'] });
    let token: string | null = null;
    const client = createVigilClient({ baseUrl, accessToken: () => token });
    const login = await client.POST('/api/auth/login', {
      body: { email: admin.email, password: admin.password },
    });
    expect(login.response.status).toBe(200);
    token = login.data?.accessToken ?? null;
    const me = await client.GET('/api/auth/me');
    expect(me.data?.user.email).toBe(admin.email);
    const wrong = await client.POST('/api/auth/login', {
      body: { email: admin.email, password: 'not the password' },
    });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error).toMatchObject({ statusCode: 401, message: 'E-mail or password is wrong.' });
  });
});
