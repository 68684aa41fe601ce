/**
 * The pipeline task thread (worker processes, imports fanned out per pipeline): plans a file (its
 * kind and pipelines), or reads ONE pipeline of it, segments, summarises and lays it out, and
 * writes its trace on its own store connection in one transaction, keyed by source and ordinal;
 * or, for the fan-in, computes and caches the corpus statistics.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { buildTraceGraph, segmentGraphlets, type Trace } from '@graphlet/core';
import {
  DEFAULT_PIPELINE,
  type MlmdStore,
  openMlmdStore,
  readTraceFile,
  sniffFile,
} from '@graphlet/formats';
import { packageErrorAnswer } from '../http/package-errors.ts';
import { isStorageFull } from '../http/storage-full.ts';
import { warmCorpusStatistics } from '../offload/corpus-statistics.ts';
import { openWorkerStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import { whileUnreachable } from '../store/while-unreachable.ts';
import { partFile, partsDir } from './pipeline-parts.ts';
import type {
  ImportPlan,
  PipelineResult,
  PipelineTask,
  PipelineThreadInput,
  PipelineThreadOutput,
} from './pipeline-task-messages.ts';
import { summarizeTrace } from './summarize-trace.ts';

const post = (seq: number, output: PipelineThreadOutput) =>
  parentPort!.postMessage({ seq, output });

// The thread lives as long as its worker process and takes requests one after another: loading
// core and formats into a thread costs more than many a pipeline.
parentPort!.on('message', ({ seq, input }: { seq: number; input: PipelineThreadInput }) => {
  const work: Promise<PipelineThreadOutput> =
    input.op === 'plan'
      ? plan(input.path).then((p) => ({ type: 'plan', plan: p }))
      : input.op === 'stats'
        ? warmCorpusStatistics(storeOf(input.storeLocation), input.limitBytes).then((bytes) => ({
            type: 'stats',
            bytes,
          }))
        : runTask(input).then((result) => ({ type: 'task', result }));
  void work
    .catch((error: unknown) => failure(input.name, input.path, error))
    .then((output) => post(seq, output));
});

async function plan(path: string): Promise<ImportPlan> {
  if (sniffFile(path) === 'json') {
    // JSON is parsed whole, once: each pipeline's trace is kept apart so a task reads only its own.
    const file = readTraceFile(path);
    mkdirSync(partsDir(path), { recursive: true });
    file.traces.forEach((trace, i) => {
      writeFileSync(partFile(path, i + 1), JSON.stringify(trace));
    });
    return {
      kind: 'json',
      format: file.format ?? null,
      schemaVersion: null,
      tasks: numbered(file.traces.map((t) => t.pipeline)),
      warnings: file.warnings ?? [],
    };
  }
  const store = await openMlmdStore(path);
  try {
    const names = (await store.pipelines()).map((s) => s.name);
    // Executions of no pipeline form a `default` trace after the pipelines (if there are any).
    return {
      kind: 'mlmd',
      format: null,
      schemaVersion: store.schemaVersion,
      tasks: numbered([...names, DEFAULT_PIPELINE]),
      warnings: [],
    };
  } finally {
    await store.close();
  }
}

/** Tasks in file order, each told which of the pipelines of its name it is. */
function numbered(names: readonly string[]): PipelineTask[] {
  const seen = new Map<string, number>();
  return names.map((pipeline, i) => {
    const nth = seen.get(pipeline) ?? 0;
    seen.set(pipeline, nth + 1);
    return { ordinal: i + 1, pipeline, nth };
  });
}

async function readPipeline(path: string, task: PipelineTask): Promise<Trace | undefined> {
  if (sniffFile(path) === 'json')
    return JSON.parse(readFileSync(partFile(path, task.ordinal), 'utf8')) as Trace;
  const store = await storeAt(path);
  let n = 0;
  for await (const trace of store.traces([task.pipeline])) if (n++ === task.nth) return trace;
  return undefined;
}

/** The last store read stays open: a worker's tasks mostly come from the same file. */
let opened: { path: string; store: Promise<MlmdStore> } | undefined;

function storeAt(path: string): Promise<MlmdStore> {
  if (opened?.path !== path) {
    void opened?.store.then((s) => s.close()).catch(() => {});
    opened = { path, store: openMlmdStore(path) };
    // A store that failed to open is not kept (the next task tries again).
    opened.store.catch(() => {
      if (opened?.path === path) opened = undefined;
    });
  }
  return opened.store;
}

async function runTask(
  input: Extract<PipelineThreadInput, { op: 'task' }>,
): Promise<PipelineResult> {
  const trace = await readPipeline(input.path, input.task);
  // The `default` trace of an MLMD store exists only when some execution is in no pipeline.
  if (trace === undefined) return { write: 'empty', graphlets: 0 };
  const graph = buildTraceGraph(trace);
  const { graphlets, note } = segmentGraphlets(trace, graph);
  const summary = summarizeTrace(graph, graphlets, note);
  const store = storeOf(input.storeLocation);
  // Keyed by source and ordinal: a write retried after its commit went unacknowledged is 'exists'.
  const write = await whileUnreachable(() =>
    store.writePipelineTrace(input.sourceId, input.task.ordinal, summary),
  );
  return { write, graphlets: graphlets.length };
}

/** The thread's store connection, kept for its next tasks (a PostgreSQL pool costs a handshake). */
let writer: { location: string; store: Store } | undefined;

function storeOf(location: string): Store {
  if (writer?.location !== location) {
    void writer?.store.close().catch(() => {});
    writer = { location, store: openWorkerStore(location) };
  }
  return writer.store;
}

/** A message a person can act on, naming the uploaded file rather than the temp path. */
function failure(name: string, path: string, error: unknown): PipelineThreadOutput {
  if (isStorageFull(error))
    return { type: 'failed', code: 'insufficient_storage', message: `import: ${name}: disk full` };
  const typed = packageErrorAnswer(error);
  if (typed !== undefined)
    return { type: 'failed', code: typed.code, message: `import: ${name}: ${typed.problem}` };
  const text = ((error as Error).message ?? String(error)).replaceAll(path, name);
  return { type: 'failed', code: 'internal', message: `import: ${name}: ${text}` };
}
