/**
 * The statistics document for the corpus or a set of traces, cached per set until sources change,
 * with the paper's stated numbers and claims (`paper`, `paperClaims`) for reference lines;
 * computed on a task worker, so the event loop keeps answering meanwhile.
 */
import { StatsQuerySchema } from '@graphlet/contract';
import { getStatsRoute } from '@graphlet/contract/routes';
import { apiError } from '../http/api-error.ts';
import { createRouter, validationError } from '../http/router.ts';
import { MissingTraceError, statsKey } from '../offload/corpus-statistics.ts';
import type { Services } from '../services.ts';

/** The stats route. */
export function statsRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; answered as cached JSON text, which the typed route cannot express.
  app.openAPIRegistry.registerPath(getStatsRoute);
  app.get('/stats', async (c) => {
    const query = StatsQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error);
    const { traces } = query.data;
    const ids = traces === undefined ? null : [...new Set(traces.split(','))].sort();
    const key = statsKey(ids);
    let json = await services.store.getResult(key);
    if (json === undefined) {
      try {
        json = (await services.tasks.run(key, {
          task: 'stats',
          storeLocation: services.storeLocation,
          ids,
          key,
          limitBytes: services.config.statsCacheBytes,
        }))!;
      } catch (error) {
        if (!(error instanceof MissingTraceError)) throw error;
        throw apiError(
          404,
          'not_found',
          `stats: no trace with id "${error.message}"; list them at /api/traces`,
        );
      }
    }
    return c.body(json, 200, { 'content-type': 'application/json' });
  });
  return app;
}
