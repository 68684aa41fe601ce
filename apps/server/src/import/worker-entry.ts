/**
 * The import worker thread: started ahead of need, it waits for one file to import, then reads,
 * segments and writes its traces one at a time (an MLMD store pipeline by pipeline, never held
 * whole) into the store itself, on its own connection in ONE transaction (WAL: readers on the main
 * thread are not blocked, and the main thread's event loop never runs the commit), posting
 * progress; then it exits.
 */
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { buildTraceGraph, segmentGraphlets } from '@graphlet/core';
import { packageErrorAnswer } from '../http/package-errors.ts';
import { isStorageFull, storageFullMessage } from '../http/storage-full.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import { openWorkerStore } from '../store/open-store.ts';
import { summarizeTrace } from './summarize-trace.ts';
import { openTraceFile } from './trace-file-reader.ts';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-messages.ts';

/** Traces of at least this many nodes are laid out at import (their first view took seconds). */
const LAYOUT_AT_IMPORT_NODES = 50_000;

const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);

class Canceled extends Error {}

parentPort!.once('message', async (input: ImportWorkerInput | null) => {
  // null: the pool is closing and this spare is not needed.
  if (input === null) return;
  try {
    await run(input);
  } catch (error) {
    post(error instanceof Canceled ? { type: 'canceled' } : failure(input, error));
  }
  // With its only listener gone the port no longer holds the thread open: it exits.
});

async function run(input: ImportWorkerInput): Promise<void> {
  const flag = new Int32Array(input.cancel);
  const checkpoint = () => {
    if (Atomics.load(flag, 0) !== 0) throw new Canceled();
  };
  const file = openTraceFile(input.path);
  let graphletsFound = 0;
  let tracesImported = 0;
  let total = file.total;
  const progress = () =>
    post({
      type: 'progress',
      bytesRead: input.size,
      tracesImported,
      tracesTotal: total,
      graphletsFound,
    });
  progress();
  // Each trace is read, segmented and written before the next is read: memory holds one.
  function* stored(): Generator<ImportedTrace> {
    for (const trace of file.traces()) {
      const graph = buildTraceGraph(trace);
      const { graphlets, note } = segmentGraphlets(trace, graph);
      graphletsFound += graphlets.length;
      // A large trace is laid out here, where it is parsed already (its first view then reads the
      // stored gzip); smaller ones on their first request (cache/trace-entries.ts), as connections.
      const nodes = trace.executions.length + trace.artifacts.length;
      yield summarizeTrace(graph, graphlets, note, { layout: nodes >= LAYOUT_AT_IMPORT_NODES });
      tracesImported++;
      progress();
    }
    if (total !== tracesImported) {
      total = tracesImported;
      progress();
    }
  }
  // The import's pages reach the store file before 'done', not in the main thread's next write.
  const store = openWorkerStore(input.storeLocation, {
    maxPageCount: input.maxPageCount,
    backfillOnClose: true,
  });
  try {
    await store.writeImport(
      {
        id: input.target.id,
        name: input.name,
        sha256: input.target.sha256,
        size: input.size,
        kind: file.kind,
        format: file.format ?? null,
        schemaVersion: file.schemaVersion ?? null,
        jobId: input.target.jobId,
        traces: stored(),
      },
      new Date(),
      checkpoint,
    );
  } finally {
    await store.close();
    file.close();
  }
  post({
    type: 'done',
    kind: file.kind,
    traces: tracesImported,
    graphlets: graphletsFound,
    warnings: file.warnings ?? [],
  });
}

/** A message a person can act on, naming the uploaded file rather than the temp path. */
function failure(input: ImportWorkerInput, error: unknown): ImportWorkerMessage {
  if (isStorageFull(error)) {
    const what = `nothing of ${input.name} was stored`;
    return {
      type: 'failed',
      code: 'insufficient_storage',
      message: storageFullMessage('import', dirname(input.storeLocation), what),
    };
  }
  const typed = packageErrorAnswer(error);
  if (typed !== undefined) {
    return { type: 'failed', code: typed.code, message: `import: ${input.name}: ${typed.problem}` };
  }
  // The server's temp file names mean nothing to the user and say where uploads are kept.
  const text = ((error as Error).message ?? String(error)).replaceAll(input.path, input.name);
  return { type: 'failed', code: 'internal', message: `import: ${input.name}: ${text}` };
}
