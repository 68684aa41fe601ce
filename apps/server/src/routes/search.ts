/** GET /search: pipelines, executions and artifacts of every trace, by name, label, type or URI. */
import { searchRoute } from '@graphlet/contract/routes';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';
import { searchCorpus } from '../store/search-index.ts';

const DEFAULT_LIMIT = 20;

/** The search route. */
export function searchRoutes(services: Services) {
  return createRouter().openapi(searchRoute, (c) => {
    const { q, limit = DEFAULT_LIMIT } = c.req.valid('query');
    const { hits, more } = searchCorpus(services.db, q, limit);
    return c.json({ query: q, hits, more }, 200);
  });
}
