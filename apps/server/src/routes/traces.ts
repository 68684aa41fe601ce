/** Traces: summaries (filtered, sorted), one trace laid out, one node in full. */
import { type NodeDetail, TraceListQuerySchema } from '@graphlet/contract';
import { getNodeRoute, getTraceRoute, listTracesRoute } from '@graphlet/contract/routes';
import { cachedLayout, cachedTrace, type LoadedTrace } from '../cache/trace-entries.ts';
import { apiError } from '../http/api-error.ts';
import { createRouter, validationError } from '../http/router.ts';
import type { Services } from '../services.ts';

/** The loaded trace with this id, or a 404. */
export async function requireTrace(services: Services, id: string): Promise<LoadedTrace> {
  const loaded = await cachedTrace(services.cache, services.store, id);
  if (loaded === undefined) throw noTrace(id);
  return loaded;
}

function noTrace(id: string) {
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

  // Documented from the contract; answered as JSON text serialised once per loaded trace, which
  // the typed route cannot express.
  app.openAPIRegistry.registerPath(getTraceRoute);
  app.get('/traces/:id', async (c) => {
    const id = c.req.param('id');
    let text = await cachedLayout(services.cache, services.store, id);
    if (text === null) {
      // Not laid out yet (stores from before the layout was computed at import): on a worker.
      await services.tasks.run(`layout:${id}`, {
        task: 'layout',
        storeLocation: services.storeLocation,
        traceId: id,
      });
      text = await cachedLayout(services.cache, services.store, id);
    }
    if (text === undefined || text === null) throw noTrace(id);
    c.header('vary', 'accept-encoding');
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
      c.header('content-encoding', 'gzip');
      return c.body(new Uint8Array(text.gzip()), 200, { 'content-type': 'application/json' });
    }
    return c.body(text.json, 200, { 'content-type': 'application/json' });
  });

  app.openapi(getNodeRoute, async (c) => {
    const { id, nodeId } = c.req.valid('param');
    const detail = nodeDetail(await requireTrace(services, id), nodeId);
    if (detail === undefined)
      throw apiError(404, 'not_found', `traces: trace "${id}" has no node "${nodeId}"`);
    return c.json(detail, 200);
  });
  return app;
}

/** Everything about one node: properties, links in both directions with their event keys, graphlets. */
function nodeDetail(loaded: LoadedTrace, nodeId: string): NodeDetail | undefined {
  const { trace, graph, layout } = loaded;
  const numeric = Number(nodeId.slice(1));
  const isExecution = nodeId.startsWith('e');
  const index = isExecution ? graph.executionIndex(numeric) : graph.artifactIndex(numeric);
  if (index < 0) return undefined;
  const inputs: NodeDetail['inputs'] = [];
  const outputs: NodeDetail['outputs'] = [];
  for (const event of trace.events) {
    const link = (node: string) => (event.key === undefined ? { node } : { node, key: event.key });
    if (isExecution && event.execution === numeric) {
      (event.kind === 'input' ? inputs : outputs).push(link(`a${event.artifact}`));
    } else if (!isExecution && event.artifact === numeric) {
      (event.kind === 'output' ? inputs : outputs).push(link(`e${event.execution}`));
    }
  }
  const laidOut = layout.nodes[isExecution ? index : graph.executions.length + index]!;
  const base = isExecution ? graph.executions[index]! : graph.artifacts[index]!;
  const detail: NodeDetail = {
    id: nodeId,
    kind: isExecution ? 'execution' : 'artifact',
    type: base.type,
    state: base.state,
    properties: base.properties,
    customProperties: base.customProperties,
    inputs,
    outputs,
    graphlets: laidOut.graphlets,
  };
  if (base.name !== undefined) detail.name = base.name;
  if ('role' in base) {
    detail.role = base.role;
    if (base.startMs !== undefined) detail.startMs = base.startMs;
    if (base.endMs !== undefined) detail.endMs = base.endMs;
  } else {
    if (base.uri !== undefined) detail.uri = base.uri;
    if (base.createdMs !== undefined) detail.createdMs = base.createdMs;
  }
  return detail;
}
