import type { ErrorBody } from '@graphlet/contract';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../http/api-error.ts';
import type { Services } from '../services.ts';
import { SearchTooBroadError } from '../store/search-index.ts';
import { searchRoutes } from './search.ts';

describe('GET /api/search past the store time limit', () => {
  it('answers 400 bad_request saying what to do, where PostgreSQL gave up on the query', async () => {
    // Only PostgreSQL gives up (SQLite's trigram index narrows any query of 3 characters): its
    // store's own test cancels a real statement; this one checks the answer the route makes of it.
    const store = {
      searchCorpus: (text: string) => Promise.reject(new SearchTooBroadError(text, 5000)),
    };
    const app = new Hono()
      .route('/api', searchRoutes({ store } as unknown as Services))
      .onError((err, c) => handleError(err, c));
    const response = await app.request('/api/search?q=~~~');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe(
      'search: "~~~" took longer than 5 s, reading nearly every node: give it more letters or digits to narrow by',
    );
  });
});
