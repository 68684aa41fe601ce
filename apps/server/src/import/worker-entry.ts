/**
 * The import worker thread: started ahead of need, it waits for one file to import, reads it,
 * segments every trace and posts the stored form of each back with progress, then exits; the
 * main thread writes them in one transaction.
 */
import { parentPort } from 'node:worker_threads';
import { buildTraceGraph, segmentGraphlets } from '@graphlet/core';
import { readTraceFile } from '@graphlet/formats';
import { packageErrorAnswer } from '../http/package-errors.ts';
import { summarizeTrace } from './summarize-trace.ts';
import type { ImportWorkerInput, ImportWorkerMessage } from './worker-messages.ts';

const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);

parentPort!.once('message', (input: ImportWorkerInput) => {
  try {
    run(input);
  } catch (error) {
    post(failure(input, error));
  }
  // With its only listener gone the port no longer holds the thread open: it exits.
});

function run(input: ImportWorkerInput): void {
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
  file.traces.forEach((trace, i) => {
    const graph = buildTraceGraph(trace);
    const { graphlets, note } = segmentGraphlets(trace, graph);
    graphletsFound += graphlets.length;
    post({ type: 'trace', trace: summarizeTrace(graph, graphlets, note) });
    progress(i + 1);
  });
  post({
    type: 'done',
    kind: file.kind,
    format: file.format ?? null,
    schemaVersion: file.schemaVersion ?? null,
    warnings: file.warnings ?? [],
  });
}

/** A message a person can act on, naming the uploaded file rather than the temp path. */
function failure(input: ImportWorkerInput, error: unknown): ImportWorkerMessage {
  const typed = packageErrorAnswer(error);
  if (typed !== undefined) {
    return { type: 'failed', code: typed.code, message: `import: ${input.name}: ${typed.problem}` };
  }
  // The server's temp file names mean nothing to the user and say where uploads are kept.
  const text = ((error as Error).message ?? String(error)).replaceAll(input.path, input.name);
  return { type: 'failed', code: 'internal', message: `import: ${input.name}: ${text}` };
}
