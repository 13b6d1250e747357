import { describe, expect, it } from '@jest/globals';
import { serializeRequest } from './logger.js';

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
