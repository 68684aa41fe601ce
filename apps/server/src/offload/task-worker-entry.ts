/**
 * A task worker thread: computes one statistics document or one trace layout on its own
 * connection to the store, stores the answer there (results cache, layout column) and posts it
 * back, so the main thread's event loop never parses payloads or lays out graphs.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort } from 'node:worker_threads';
import type { TraceGraph as TraceGraphDocument } from '@graphlet/contract';
import { buildTraceGraph, type Trace } from '@graphlet/core';
import { layoutTrace } from '../layout/layout-trace.ts';
import { putResult } from '../store/results-cache.ts';
import {
  getTraceLayout,
  getTracePayload,
  listGraphlets,
  putTraceLayout,
} from '../store/trace-queries.ts';
import { corpusStatisticsJson, MissingTraceError } from './corpus-statistics.ts';
import type { TaskInput, TaskOutput } from './task-messages.ts';

const post = (message: TaskOutput) => parentPort!.postMessage(message);

parentPort!.once('message', (input: TaskInput) => {
  const db = new DatabaseSync(input.storeFile);
  try {
    db.exec('PRAGMA busy_timeout = 30000');
    post({ type: 'done', json: run(db, input) });
  } catch (error) {
    if (error instanceof MissingTraceError) post({ type: 'missing', id: error.message });
    else post({ type: 'failed', message: (error as Error).message ?? String(error) });
  } finally {
    db.close();
  }
});

function run(db: DatabaseSync, input: TaskInput): string | null {
  if (input.task === 'stats') {
    const json = corpusStatisticsJson(db, input.ids ?? undefined);
    putResult(db, input.key, json, input.limitBytes);
    return json;
  }
  const stored = getTraceLayout(db, input.traceId);
  if (typeof stored === 'string' || stored === undefined) return stored ?? null;
  const payload = getTracePayload(db, input.traceId)!;
  const graph = buildTraceGraph(JSON.parse(payload) as Trace);
  const layout: TraceGraphDocument = layoutTrace(graph, listGraphlets(db, input.traceId));
  const json = JSON.stringify(layout);
  putTraceLayout(db, input.traceId, json);
  return json;
}
