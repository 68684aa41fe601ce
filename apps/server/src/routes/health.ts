/** GET /health (liveness) and GET /server (limits in force, cache usage). */
import { healthRoute, serverStatusRoute } from '@graphlet/contract/routes';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';

/** The liveness and server status routes. */
export function healthRoutes(services: Services) {
  return createRouter()
    .openapi(healthRoute, (c) => c.json({ ok: true as const }, 200))
    .openapi(serverStatusRoute, async (c) => {
      const memory = services.cache.stats();
      const { config } = services;
      return c.json(
        {
          memoryCache: {
            bytes: memory.bytes,
            limitBytes: memory.maxBytes,
            entries: memory.entries,
          },
          statsCache: {
            ...(await services.store.resultsUsage()),
            limitBytes: config.statsCacheBytes,
          },
          limits: {
            maxUploadBytes: config.maxUploadBytes,
            maxJsonBytes: config.maxJsonBytes,
            uploadIdleSeconds: config.uploadIdleSeconds,
          },
        },
        200,
      );
    });
}
