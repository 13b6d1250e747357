import { describe, expect, it } from '@jest/globals';
import { createRootLogger, serializeError, serializeRequest } from './logger.js';

describe('request log lines', () => {
  it('keep the path and drop the query string, where search words and source names travel', () => {
    expect(
      serializeRequest({
        method: 'GET',
        url: '/api/sources?q=Informant%20Zed',
        host: 'vigil.example',
        ip: '10.0.0.7',
      }),
    ).toEqual({
      method: 'GET',
      url: '/api/sources',
      host: 'vigil.example',
      remoteAddress: '10.0.0.7',
    });
  });
});

describe('error log lines', () => {
  it('keep the kind, code, constraint and stack; drop the statement, its values and quoted values', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "Informant Zed"'), {
      name: 'QueryFailedError',
      code: '22P02',
      query: 'SELECT * FROM sources WHERE name = $1',
      parameters: ['Informant Zed'],
      detail: 'Key (name)=(Informant Zed) already exists.',
      driverError: { message: 'Informant Zed' },
    });
    const line = serializeError(error);
    expect(line).toMatchObject({ type: 'QueryFailedError', code: '22P02' });
    expect(line.message).toBe('invalid input syntax for type uuid: "…"');
    expect(JSON.stringify(line)).not.toContain('Informant Zed');
    expect(String(line.stack)).toContain('logger.spec');
  });
});

describe('the root logger', () => {
  it('redacts tokens and cookies wherever a request’s headers are logged, at any level', () => {
    const lines: string[] = [];
    const logger = createRootLogger({ LOG_LEVEL: 'trace' }, 'test', {
      write: (line: string) => lines.push(line),
    });
    const headers = { authorization: 'Bearer SECRET-TOKEN', cookie: 'vigil_refresh=R' };
    logger.trace({ busboyOptions: { headers } }, 'Providing options to busboy');
    logger.info({ req: { headers } }, 'request');
    logger.debug({ headers }, 'headers');
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/SECRET-TOKEN|vigil_refresh=R/);
  });
});
