/** Traces: summaries (filtered, sorted), one trace laid out, one node in full. */
import { type NodeDetail, TraceListQuerySchema } from '@graphlet/contract';
import { getNodeRoute, getTraceRoute, listTracesRoute } from '@graphlet/contract/routes';
import { cachedLayout, cachedTrace, type LoadedTrace } from '../cache/trace-entries.ts';
import { apiError } from '../http/api-error.ts';
import { gzippedJson } from '../http/gzipped-json.ts';
import { createRouter, validationError } from '../http/router.ts';
import { nodeDetail } from '../layout/node-detail.ts';
import type { Services } from '../services.ts';

/**
 * The loaded trace with this id, or a 404. A trace not laid out yet is laid out on a task worker
 * first, so that loading it here only parses stored JSON.
 */
export async function requireTrace(services: Services, id: string): Promise<LoadedTrace> {
  if (!services.cache.has('trace', id) && (await services.store.hasTraceLayout(id)) === false) {
    await layOut(services, id);
  }
  const loaded = await cachedTrace(services.cache, services.store, id);
  if (loaded === undefined) throw noTrace(id);
  return loaded;
}

/** Lays a trace out on a task worker, which stores the layout. */
function layOut(services: Services, id: string): Promise<unknown> {
  return services.tasks.run(`layout:${id}`, {
    task: 'layout',
    storeLocation: services.storeLocation,
    traceId: id,
  });
}

/** Traces of more nodes than this are not parsed on the event loop for one answer (~150 ms). */
const OFFLOAD_NODES = 50_000;

/**
 * Whether a request on this trace is answered by a task worker: a large trace not loaded yet is
 * not parsed on the event loop (404 for an unknown id).
 */
export async function offloaded(services: Services, id: string): Promise<boolean> {
  if (services.cache.has('trace', id)) return false;
  const summary = await services.store.getTraceSummary(id);
  if (summary === undefined) throw noTrace(id);
  return summary.executions + summary.artifacts > OFFLOAD_NODES;
}

/**
 * A node's detail. A large trace not loaded yet is not parsed here: a task worker answers, and
 * the event loop stays free (each such request pays that parse on the worker).
 */
async function loadedNodeDetail(
  services: Services,
  id: string,
  nodeId: string,
): Promise<NodeDetail | undefined> {
  if (await offloaded(services, id)) {
    const json = await services.tasks.run(`node:${id}:${nodeId}`, {
      task: 'node',
      storeLocation: services.storeLocation,
      traceId: id,
      nodeId,
    });
    return json === null ? undefined : (JSON.parse(json) as NodeDetail);
  }
  const loaded = await requireTrace(services, id);
  return nodeDetail(
    loaded.trace,
    loaded.graph,
    nodeId,
    (isExecution, index) =>
      loaded.layout.nodes[isExecution ? index : loaded.graph.executions.length + index]!.graphlets,
  );
}

/** The 404 of a trace id that names no trace. */
export function noTrace(id: string) {
  return apiError(404, 'not_found', `traces: no trace with id "${id}"; list them at /api/traces`);
}

/** The trace routes. */
export function traceRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; answered as cached JSON text per query, which the typed route
  // cannot express.
  app.openAPIRegistry.registerPath(listTracesRoute);
  app.get('/traces', async (c) => {
    const query = TraceListQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error);
    const { q, source, sort, order } = query.data;
    const key = JSON.stringify(['traces', q, source, sort, order]);
    const text = await services.cache.jsonOf(key, async () => ({
      traces: await services.store.listTraces(query.data),
    }));
    return c.body(text, 200, { 'content-type': 'application/json' });
  });

  // Documented from the contract; answered as the gzipped JSON stored once laid out, which the
  // typed route cannot express.
  app.openAPIRegistry.registerPath(getTraceRoute);
  app.get('/traces/:id', async (c) => {
    const id = c.req.param('id');
    let gzipped = await cachedLayout(services.cache, services.store, id);
    if (gzipped === null) {
      // Not laid out yet (connections and uploads leave it to the first request): on a worker,
      // once however many ask meanwhile.
      await layOut(services, id);
      gzipped = await cachedLayout(services.cache, services.store, id);
    }
    if (gzipped == null) throw noTrace(id);
    return gzippedJson(c, gzipped);
  });

  app.openapi(getNodeRoute, async (c) => {
    const { id, nodeId } = c.req.valid('param');
    const detail = await loadedNodeDetail(services, id, nodeId);
    if (detail === undefined)
      throw apiError(404, 'not_found', `traces: trace "${id}" has no node "${nodeId}"`);
    return c.json(detail, 200);
  });
  return app;
}
