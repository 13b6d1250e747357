// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, expectOk, optional, unwrap } from './api-client';

/** What an openapi-fetch call resolves to for a refused request. */
function refused(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve({
    data: undefined,
    error: body,
    response: new Response(null, { status, statusText: 'Refused', headers }),
  });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error('expected an ApiError');
  return error;
}

describe('ApiError.fieldErrors', () => {
  it('keys each message by its field, the first message of a field winning', () => {
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Check the form.',
      details: [
        { field: 'email', message: 'is already in use' },
        { field: 'email', message: 'must be an e-mail address' },
        { field: 'displayName', message: 'is required' },
      ],
    });
    expect(error.fieldErrors()).toEqual({
      email: 'is already in use',
      displayName: 'is required',
    });
  });

  it('also reports a nested field under its top-level name, so it shows beside that field', () => {
    const error = new ApiError({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Check the form.',
      details: [
        { field: 'roles.0', message: 'is not a role' },
        { field: 'scope[2].country', message: 'is not a country' },
      ],
    });
    expect(error.fieldErrors()).toEqual({
      'roles.0': 'is not a role',
      roles: 'is not a role',
      'scope[2].country': 'is not a country',
      scope: 'is not a country',
    });
  });

  it('has no field errors when the server sent no details', () => {
    expect(
      new ApiError({ statusCode: 409, error: 'Conflict', message: 'Stale.' }).fieldErrors(),
    ).toEqual({});
  });
});

describe('unwrap', () => {
  it('gives the body of a successful call', async () => {
    const call = Promise.resolve({
      data: { id: 'x' },
      response: new Response(null, { status: 200 }),
    });
    await expect(unwrap(call)).resolves.toEqual({ id: 'x' });
  });

  it("throws the server's message, status and field details", async () => {
    const error = await caught(
      unwrap(
        refused(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: 'The e-mail address is in use.',
          details: [{ field: 'email', message: 'is in use' }, { field: 3 }],
        }),
      ),
    );
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('The e-mail address is in use.');
    expect(error.details).toEqual([{ field: 'email', message: 'is in use' }]);
  });

  it('joins a list of messages into one', async () => {
    const error = await caught(unwrap(refused(400, { message: ['Too long.', 'Too short.'] })));
    expect(error.message).toBe('Too long. Too short.');
  });

  it('says something useful when the server gave no message', async () => {
    expect((await caught(unwrap(refused(403, null)))).message).toBe(
      'You are not allowed to do this.',
    );
    expect((await caught(unwrap(refused(404, '')))).message).toBe('Not found.');
    expect((await caught(unwrap(refused(503, {})))).message).toBe(
      'The server ran into a problem. Please try again.',
    );
    expect((await caught(expectOk(refused(418, {})))).message).toBe('Request failed (418).');
  });

  it('keeps how long to wait after too many attempts', async () => {
    const error = await caught(unwrap(refused(429, {}, { 'Retry-After': '30' })));
    expect(error.message).toBe('Too many attempts. Please wait a moment and try again.');
    expect(error.retryAfterSeconds).toBe(30);
  });
});

describe('helpers', () => {
  it('leaves empty optional values out of a query', () => {
    expect(optional('')).toBeUndefined();
    expect(optional(null)).toBeUndefined();
    expect(optional('SD')).toBe('SD');
    expect(optional(0)).toBe(0);
  });

  it('gives a user-facing message for anything thrown', () => {
    expect(errorMessage(new Error('Boom.'))).toBe('Boom.');
    expect(errorMessage('a string')).toBe('Something went wrong. Please try again.');
  });
});
