/** Route definitions (OpenAPI) of health.ts's endpoints; only the server imports them. */
import { createRoute } from '@hono/zod-openapi';
import { HealthSchema } from './health.ts';

export const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness check',
  responses: {
    200: {
      description: 'The server is up',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});
