import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/api-types.js';

/** A typed client of the Vigil HTTP API: paths, bodies and answers checked by the compiler. */
export type VigilClient = Client<paths>;

/** The schemas of the API's bodies and answers (UserResponse, ErrorResponse...). */
export type ApiSchemas = components['schemas'];
/** The error shape every route answers with. */
export type ApiError = ApiSchemas['ErrorResponse'];

export interface VigilClientOptions {
  /** Origin of the api, e.g. http://localhost:3000 ('' in the browser for same origin). */
  baseUrl: string;
  /** Current access token, read before every request. */
  accessToken?: () => string | null;
  fetch?: typeof fetch;
}

/** Creates a client; with `accessToken` every request carries the bearer token. */
export function createVigilClient(options: VigilClientOptions): VigilClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  if (options.accessToken) {
    const getToken = options.accessToken;
    const auth: Middleware = {
      onRequest({ request }) {
        const token = getToken();
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
        return request;
      },
    };
    client.use(auth);
  }
  return client;
}
