/** Route definitions (OpenAPI) of health.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { HealthSchema } from './health.ts';
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
