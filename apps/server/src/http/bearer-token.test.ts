import type { ErrorBody } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { withServer } from '../test-support/test-server.ts';

describe('API_TOKEN', () => {
  it('requires the bearer token on every API call except health', async () => {
    await withServer(
      async (server) => {
        expect((await server.app.request('/api/health')).status).toBe(200);
        const missing = await server.app.request('/api/sources');
        expect(missing.status).toBe(401);
        expect(missing.headers.get('www-authenticate')).toBe('Bearer');
        expect(((await missing.clone().json()) as ErrorBody).error.code).toBe('unauthorized');
        expect(((await missing.clone().json()) as ErrorBody).error.message).toMatch(
          /needs "Authorization: Bearer <API_TOKEN>"/,
        );
        const wrong = await server.app.request('/api/traces', {
          headers: { authorization: 'Bearer nope' },
        });
        expect(wrong.status).toBe(401);
        expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
        expect(await wrong.json()).toEqual({
          error: {
            code: 'unauthorized',
            message: 'auth: the bearer token does not match API_TOKEN',
          },
        });
        // Not a bearer header at all: still 401 in the error shape, never bearer-auth's 400.
        for (const authorization of ['Basic czNjcmV0', 'Bearer', 'Bearer s3cr\u00e9t']) {
          const malformed = await server.app.request('/api/traces', { headers: { authorization } });
          expect(malformed.status, authorization).toBe(401);
          expect(((await malformed.json()) as ErrorBody).error.code).toBe('unauthorized');
        }
        const anyCase = await server.app.request('/api/traces', {
          headers: { authorization: 'bearer s3cret' },
        });
        expect(anyCase.status).toBe(200);
        const upload = await server.app.request('/api/sources', { method: 'POST' });
        expect(upload.status).toBe(401);
        const ok = await server.app.request('/api/traces', {
          headers: { authorization: 'Bearer s3cret' },
        });
        expect(ok.status).toBe(200);
        expect((await server.app.request('/api/openapi.json')).status).toBe(401);
      },
      { apiToken: 's3cret' },
    );
  });

  it('leaves the API open when no token is configured', async () => {
    await withServer(async (server) => {
      expect((await server.app.request('/api/sources')).status).toBe(200);
    });
  });
});
