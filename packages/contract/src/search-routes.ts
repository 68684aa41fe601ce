/** Route definition (OpenAPI) of search.ts's endpoint; only the server imports it. */
import { createRoute } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { jsonResponse } from './json-content.ts';
import { SearchQuerySchema, SearchResultSchema } from './search.ts';

export const searchRoute = createRoute({
  method: 'get',
  path: '/search',
  tags: ['traces'],
  summary:
    'Pipelines, executions and artifacts of every trace whose name, label, type or URI holds q',
  request: { query: SearchQuerySchema },
  responses: {
    200: jsonResponse('Matches, pipelines first, then by trace and node', SearchResultSchema),
    400: errorResponse(
      'q shorter than 3 characters, a bad limit, or a q too broad to answer within 5 s (PostgreSQL)',
    ),
  },
});
