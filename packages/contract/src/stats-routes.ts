/** Route definitions (OpenAPI) of stats.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { jsonResponse } from './json-content.ts';
import { StatsQuerySchema, StatsSchema } from './stats.ts';

export const getStatsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['stats'],
  summary: 'The paper statistics for the whole corpus or the listed traces',
  request: { query: StatsQuerySchema },
  responses: {
    200: jsonResponse('The statistics', StatsSchema),
    400: errorResponse('Malformed trace list'),
    404: errorResponse('A listed trace does not exist'),
  },
});
