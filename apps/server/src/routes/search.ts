/** GET /search: pipelines, executions and artifacts of every trace, by name, label, type or URI. */
import { searchRoute } from '@graphlet/contract/routes';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';

const DEFAULT_LIMIT = 20;

/** The search route. */
export function searchRoutes(services: Services) {
  return createRouter().openapi(searchRoute, async (c) => {
    const { q, limit = DEFAULT_LIMIT } = c.req.valid('query');
    const { hits, more } = await services.store.searchCorpus(q, limit);
    return c.json({ query: q, hits, more }, 200);
  });
}
