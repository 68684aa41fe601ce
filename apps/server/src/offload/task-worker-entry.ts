/**
 * A task worker thread: computes one statistics document, one trace layout, or one node's or
 * graphlet's detail on its own connection to the store, stores the answer there (results cache,
 * layout column) and posts it back, or writes one trained forest's blob, so the main thread's
 * event loop never parses payloads, lays out graphs or writes hundreds of megabytes.
 */
import { parentPort } from 'node:worker_threads';
import { buildTraceGraph, type Trace } from '@graphlet/core';
import { loadTrace } from '../cache/trace-entries.ts';
import { gzipLayout } from '../layout/layout-json.ts';
import { nodeDetail } from '../layout/node-detail.ts';
import { graphletDetailBody } from '../routes/graphlet-detail-body.ts';
import { openWorkerStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { corpusStatisticsJson, MissingTraceError } from './corpus-statistics.ts';
import type { TaskInput, TaskOutput } from './task-messages.ts';

const post = (message: TaskOutput) => parentPort!.postMessage(message);

parentPort!.once('message', async (input: TaskInput | null) => {
  // null: the pool is closing and this spare is not needed.
  if (input === null) return;
  const store = openWorkerStore(input.storeLocation);
  let answer: TaskOutput;
  try {
    answer = { type: 'done', json: await run(store, input) };
  } catch (error) {
    answer =
      error instanceof MissingTraceError
        ? { type: 'missing', id: error.message }
        : { type: 'failed', message: (error as Error).message ?? String(error) };
  } finally {
    await store.close();
  }
  // The store is closed before the answer leaves: the thread then exits by itself.
  post(answer);
});

async function run(store: Store, input: TaskInput): Promise<string | null> {
  if (input.task === 'stats') {
    const json = await corpusStatisticsJson(store, input.ids ?? undefined);
    await store.putResult(input.key, json, input.limitBytes);
    return json;
  }
  if (input.task === 'forest') {
    await store.insertWasteForest(input.modelId, input.variant, input.bytes);
    return null;
  }
  if (input.task === 'node') return nodeDetailJson(store, input.traceId, input.nodeId);
  if (input.task === 'graphlet') return graphletDetailJson(store, input.traceId, input.trainer);
  return layOutTrace(store, input.traceId);
}

/** Lays a trace out into the store as gzipped JSON, written as it is compressed; null either way. */
async function layOutTrace(store: Store, id: string): Promise<null> {
  if ((await store.hasTraceLayout(id)) !== false) return null;
  // The payload's text is dropped once parsed: only the trace, its graph and the gzip stay.
  const graph = buildTraceGraph(JSON.parse((await store.getTracePayload(id))!) as Trace);
  await store.putTraceLayout(id, gzipLayout(graph, await store.listGraphlets(id)));
  return null;
}

/** One node's detail (null when the trace has no such node), graphlets from the stored list. */
async function nodeDetailJson(
  store: Store,
  traceId: string,
  nodeId: string,
): Promise<string | null> {
  const payload = await store.getTracePayload(traceId);
  if (payload === undefined) throw new MissingTraceError(traceId);
  const trace = JSON.parse(payload) as Trace;
  const graphlets = await store.listGraphlets(traceId);
  const detail = nodeDetail(trace, buildTraceGraph(trace), nodeId, (isExecution, _index, id) =>
    graphlets
      .filter((g) => (isExecution ? g.executions : g.artifacts).includes(id))
      .map((g) => g.trainer),
  );
  return detail === undefined ? null : JSON.stringify(detail);
}

/** One graphlet's detail without its prediction (null when the trace has no such graphlet). */
async function graphletDetailJson(
  store: Store,
  traceId: string,
  trainer: number,
): Promise<string | null> {
  const loaded = await loadTrace(store, traceId);
  if (loaded === undefined) throw new MissingTraceError(traceId);
  const body = graphletDetailBody(loaded.value, trainer);
  return body === undefined ? null : JSON.stringify(body);
}
