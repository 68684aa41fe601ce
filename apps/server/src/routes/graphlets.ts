/** Graphlets of a trace: the list with metrics, and one as a subgraph with its neighbours. */
import { getGraphletRoute, listGraphletsRoute } from '@graphlet/contract/routes';
import { executionId, graphletFeatureRecord, pushOutcome } from '@graphlet/core';
import { type LoadedTrace, traceViewOf } from '../cache/trace-entries.ts';
import { apiError } from '../http/api-error.ts';
import { createRouter } from '../http/router.ts';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import type { Services } from '../services.ts';
import { graphletDetailMetrics } from './graphlet-detail-metrics.ts';
import { noTrace, requireTrace } from './traces.ts';

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
    const loaded = await requireTrace(services, id);
    const at = loaded.graphlets.findIndex((g) => g.trainer === trainer);
    const graphlet = loaded.graphlets[at];
    if (graphlet === undefined) {
      const hint =
        loaded.note ?? `its trainers are ${loaded.graphlets.map((g) => g.trainer).join(', ')}`;
      throw apiError(
        404,
        'not_found',
        `graphlets: trace "${id}" has no graphlet of trainer ${trainer} (${hint})`,
      );
    }
    const members = new Set<string>([
      ...graphlet.executions.map((e) => `e${e}`),
      ...graphlet.artifacts.map((a) => `a${a}`),
    ]);
    const record = featureRecord(loaded, trainer);
    // With a trained waste model covering the trace: the push probability and what it means. A
    // failed trainer is no push decision, so it gets none.
    const prediction = graphlet.failed
      ? undefined
      : await services.waste.predict(id, trainer, record);
    const body = {
      graphlet,
      nodes: loaded.layout.nodes.filter((n) => members.has(n.id)),
      edges: loaded.layout.edges.filter((e) => members.has(e.source) && members.has(e.target)),
      features: Object.fromEntries(
        Object.entries(record).map(([name, value]) => [name, Number.isNaN(value) ? null : value]),
      ),
      previous: loaded.graphlets[at - 1]?.trainer ?? null,
      next: loaded.graphlets[at + 1]?.trainer ?? null,
      ...graphletDetailMetrics(loaded, traceViewOf(services.cache, loaded), at),
      pushOutcome: outcomeDocument(loaded, at),
      ...(prediction === undefined
        ? {}
        : { pushProbability: prediction.probability, pushPrediction: prediction }),
    };
    return c.json(body, 200);
  });
  return app;
}

/** Why the graphlet was or was not pushed (core's pushOutcome), nulls for unrecorded blessings. */
function outcomeDocument(loaded: LoadedTrace, at: number) {
  const outcome = pushOutcome(loaded.trace, toCoreGraphlet(loaded.graphlets[at]!));
  return {
    ...outcome,
    blessings: outcome.blessings.map((b) => ({ ...b, blessed: b.blessed ?? null })),
    pushers: [...outcome.pushers],
  };
}

/** The graphlet's waste-classifier features (paper §5.2.1) by name, NaN where missing. */
function featureRecord(loaded: LoadedTrace, trainer: number): Record<string, number> {
  return graphletFeatureRecord(
    loaded.trace,
    loaded.graphlets.map(toCoreGraphlet),
    executionId(trainer),
  );
}
