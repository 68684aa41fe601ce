/** GET /search: pipelines, executions and artifacts of every trace, by name, label, type or URI. */
import { searchRoute } from '@graphlet/contract/routes';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';
import { SearchTooBroadError } from '../store/search-index.ts';

const DEFAULT_LIMIT = 20;

/** The search route. */
export function searchRoutes(services: Services) {
  return createRouter().openapi(searchRoute, async (c) => {
    const { q, limit = DEFAULT_LIMIT } = c.req.valid('query');
    const { hits, more } = await services.store.searchCorpus(q, limit).catch((error: unknown) => {
      if (!(error instanceof SearchTooBroadError)) throw error;
      throw apiError(
        400,
        'bad_request',
        `${error.message}, reading nearly every node: give it more letters or digits to narrow by`,
      );
    });
    return c.json({ query: q, hits, more }, 200);
  });
}
