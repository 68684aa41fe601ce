/** Graphlets of a trace: the list with metrics, and one as a subgraph with its neighbours. */
import { getGraphletRoute, listGraphletsRoute } from '@graphlet/contract/routes';
import { traceViewOf } from '../cache/trace-entries.ts';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import type { Services } from '../services.ts';
import {
  featureRecordOf,
  type GraphletDetailBody,
  graphletDetailBody,
} from './graphlet-detail-body.ts';
import { noTrace, offloaded, requireTrace } from './traces.ts';

/** The graphlet routes. */
export function graphletRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; answered as cached JSON text read from the store's graphlet
  // rows, never by parsing the trace (a trace of a million nodes would hold the event loop).
  app.openAPIRegistry.registerPath(listGraphletsRoute);
  app.get('/traces/:id/graphlets', async (c) => {
    const id = c.req.param('id');
    if ((await services.store.getTraceSummary(id)) === undefined) throw noTrace(id);
    const text = await services.cache.jsonOf(JSON.stringify(['graphlets', id]), async () => {
      const [graphlets, note] = await Promise.all([
        services.store.listGraphlets(id),
        services.store.getTraceNote(id),
      ]);
      return note === undefined ? { graphlets } : { graphlets, note };
    });
    return c.body(text, 200, { 'content-type': 'application/json' });
  });

  app.openapi(getGraphletRoute, async (c) => {
    const { id, trainer } = c.req.valid('param');
    const body = await detailBody(services, id, trainer);
    if (body === undefined) {
      const [graphlets, note] = await Promise.all([
        services.store.listGraphlets(id),
        services.store.getTraceNote(id),
      ]);
      const hint = note ?? `its trainers are ${graphlets.map((g) => g.trainer).join(', ')}`;
      throw apiError(
        404,
        'not_found',
        `graphlets: trace "${id}" has no graphlet of trainer ${trainer} (${hint})`,
      );
    }
    // With a trained waste model covering the trace: the push probability and what it means. A
    // failed trainer is no push decision, so it gets none.
    const prediction = body.graphlet.failed
      ? undefined
      : await services.waste.predict(id, trainer, featureRecordOf(body));
    return c.json(
      prediction === undefined
        ? body
        : { ...body, pushProbability: prediction.probability, pushPrediction: prediction },
      200,
    );
  });
  return app;
}

/**
 * A graphlet's detail without its prediction: from the loaded trace, or, for a large trace not
 * loaded yet, from a task worker (the event loop never parses a million-node trace).
 */
async function detailBody(
  services: Services,
  id: string,
  trainer: number,
): Promise<GraphletDetailBody | undefined> {
  if (await offloaded(services, id)) {
    const json = await services.tasks.run(`graphlet:${id}:${trainer}`, {
      task: 'graphlet',
      storeLocation: services.storeLocation,
      traceId: id,
      trainer,
    });
    return json === null ? undefined : (JSON.parse(json) as GraphletDetailBody);
  }
  const loaded = await requireTrace(services, id);
  return graphletDetailBody(loaded, trainer, traceViewOf(services.cache, loaded));
}
