/**
 * `POST /api/v1/lineage`: the path and body OpenLineage clients send to Marquez (HTTP transport),
 * so a job's transport can point here unchanged; API_TOKEN applies as for every /api route.
 */
import { postLineageRoute } from '@graphlet/contract/routes';
import { MAX_JSON_DEPTH, tooDeepPath } from '@graphlet/formats';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import { LIVE_SOURCE_ID, receiveLineage } from '../lineage/live-lineage.ts';
import type { Services } from '../services.ts';

/** The OpenLineage endpoint. */
export function lineageRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; the body is read here so that bad JSON gets its own message.
  app.openAPIRegistry.registerPath(postLineageRoute);
  app.post('/v1/lineage', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch (error) {
      throw apiError(
        400,
        'bad_request',
        `lineage: the body is not JSON (${(error as Error).message})`,
      );
    }
    const tooDeep = tooDeepPath(body);
    if (tooDeep !== undefined) {
      throw apiError(
        400,
        'bad_request',
        `lineage: the value at $${tooDeep.slice(0, 8).join('')}… nests deeper than ${MAX_JSON_DEPTH} levels`,
      );
    }
    const { traces, changed } = await receiveLineage(services.store, body);
    services.cache.invalidateCorpus();
    services.events.changed(LIVE_SOURCE_ID, changed);
    return c.json(
      { source: { id: LIVE_SOURCE_ID }, received: Array.isArray(body) ? body.length : 1, traces },
      201,
    );
  });
  return app;
}
