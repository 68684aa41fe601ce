/** Liveness: always open, even when a token is configured. */
import { createRoute, z } from '@hono/zod-openapi';

export const HealthSchema = z.object({ ok: z.literal(true) }).openapi('Health');

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
