/** Route definitions (OpenAPI) of health.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { errorResponse } from './error.ts';
import { HealthSchema, ServerStatusSchema } from './health.ts';
import { jsonResponse } from './json-content.ts';

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness check',
  responses: {
    200: jsonResponse('The server is up', HealthSchema),
  },
});

export const serverStatusRoute = createRoute({
  method: 'get',
  path: '/server',
  tags: ['system'],
  summary: 'The limits in force and how full the bounded caches are',
  responses: {
    200: jsonResponse('Limits and cache usage', ServerStatusSchema),
    401: errorResponse('A token is configured and was not sent'),
  },
});
