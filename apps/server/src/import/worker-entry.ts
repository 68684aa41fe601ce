/**
 * The import worker thread: started ahead of need, it waits for one file to import, reads it,
 * segments every trace, then writes the source into the store itself, on its own connection in
 * ONE transaction (WAL: readers on the main thread are not blocked, and the main thread's event
 * loop never runs the commit), posting progress; then it exits.
 */
import { dirname } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { buildTraceGraph, segmentGraphlets } from '@graphlet/core';
import { readTraceFile } from '@graphlet/formats';
import { packageErrorAnswer } from '../http/package-errors.ts';
import { isStorageFull, storageFullMessage } from '../http/storage-full.ts';
import type { ImportedTrace } from '../store/imported-source.ts';
import { openWorkerStore } from '../store/open-store.ts';
import { summarizeTrace } from './summarize-trace.ts';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-messages.ts';

const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);

class Canceled extends Error {}

parentPort!.once('message', async (input: ImportWorkerInput) => {
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
  const file = readTraceFile(input.path);
  const total = file.traces.length;
  let graphletsFound = 0;
  const progress = (tracesImported: number) =>
    post({
      type: 'progress',
      bytesRead: input.size,
      tracesImported,
      tracesTotal: total,
      graphletsFound,
    });
  progress(0);
  const traces: ImportedTrace[] = [];
  file.traces.forEach((trace, i) => {
    checkpoint();
    const graph = buildTraceGraph(trace);
    const { graphlets, note } = segmentGraphlets(trace, graph);
    graphletsFound += graphlets.length;
    traces.push(summarizeTrace(graph, graphlets, note));
    progress(i + 1);
  });
  const store = openWorkerStore(input.storeLocation, { maxPageCount: input.maxPageCount });
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
        traces,
      },
      new Date(),
      checkpoint,
    );
  } finally {
    await store.close();
  }
  post({
    type: 'done',
    kind: file.kind,
    traces: traces.length,
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
