/**
 * The import worker thread: reads a trace file, segments every trace and posts the stored form
 * of each back, with progress; the main thread writes them in one transaction.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildTraceGraph, CycleError, segmentGraphlets } from '@graphlet/core';
import { FormatError, readTraceFile } from '@graphlet/formats';
import type { ImportWorkerInput, ImportWorkerMessage } from './import-messages.ts';
import { summarizeTrace } from './summarize-trace.ts';

const input = workerData as ImportWorkerInput;
const post = (message: ImportWorkerMessage) => parentPort!.postMessage(message);

try {
  const file = readTraceFile(input.path);
  const total = file.traces.length;
  let graphletsFound = 0;
  post({
    type: 'progress',
    bytesRead: input.size,
    tracesImported: 0,
    tracesTotal: total,
    graphletsFound,
  });
  file.traces.forEach((trace, i) => {
    const graph = buildTraceGraph(trace);
    const { graphlets, note } = segmentGraphlets(trace, graph);
    graphletsFound += graphlets.length;
    post({ type: 'trace', trace: summarizeTrace(graph, graphlets, note) });
    post({
      type: 'progress',
      bytesRead: input.size,
      tracesImported: i + 1,
      tracesTotal: total,
      graphletsFound,
    });
  });
  post({ type: 'done', kind: file.kind, schemaVersion: file.schemaVersion ?? null });
} catch (error) {
  post(failure(error));
}

/** A message a person can act on, naming the uploaded file rather than the temp path. */
function failure(error: unknown): ImportWorkerMessage {
  if (error instanceof FormatError && error.code !== 'not_found') {
    const problem = error.message.startsWith(`${error.file}: `)
      ? error.message.slice(error.file.length + 2)
      : error.message;
    return { type: 'failed', code: 'invalid_file', message: `import: ${input.name}: ${problem}` };
  }
  if (error instanceof CycleError) {
    return {
      type: 'failed',
      code: 'invalid_file',
      message: `import: ${input.name}: ${error.message.replace(/^core: /, '')}; provenance must be acyclic`,
    };
  }
  return {
    type: 'failed',
    code: 'internal',
    message: `import: ${(error as Error).message ?? String(error)}`,
  };
}
