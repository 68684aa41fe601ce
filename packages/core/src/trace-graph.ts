/**
 * The trace graph: dense indexes over a trace's executions and artifacts (ascending ids) with
 * Int32Array CSR adjacency, each artifact's producer and a topological order of executions.
 * Linear time apart from one sort of executions by start time; rejects cyclic traces (provenance
 * is a DAG, paper §2.1).
 */
import { CycleError, findCycle } from './find-cycle.ts';
import { ROLES } from './roles.ts';
import type { Artifact, Execution, Trace } from './trace.ts';
import { TraceError } from './trace-error.ts';

export { CycleError };

/** A trace as typed-array adjacency; every index below is dense (position in ascending id order). */
export interface TraceGraph {
  readonly trace: Trace;
  /** Executions by dense index, ascending id. */
  readonly executions: readonly Execution[];
  /** Artifacts by dense index, ascending id. */
  readonly artifacts: readonly Artifact[];
  /** Dense index of an execution id, -1 when absent. */
  readonly executionIndex: (id: number) => number;
  /** Dense index of an artifact id, -1 when absent. */
  readonly artifactIndex: (id: number) => number;
  /** Per execution: its role as an index into ROLES. */
  readonly roles: Uint8Array;
  /** Per execution: 1 when its state is `cached` (it computed nothing and produces nothing). */
  readonly cached: Uint8Array;
  /** Per execution: its position ordered by start time, then id; unknown start sorts after known. */
  readonly rank: Int32Array;
  /**
   * Per artifact: the producing execution, or -1. The producer is the earliest (by `rank`)
   * non-cached execution with an output event on the artifact and no input event on it; other
   * output events are reuse links.
   */
  readonly producer: Int32Array;
  /** CSR execution -> input artifacts (one entry per input event, sorted by artifact). */
  readonly inputOffsets: Int32Array;
  readonly inputArtifacts: Int32Array;
  /** Index into `trace.events` of each input entry (for its key). */
  readonly inputEvents: Int32Array;
  /** CSR execution -> output artifacts (produced and reused; produced when producer[a] is it). */
  readonly outputOffsets: Int32Array;
  readonly outputArtifacts: Int32Array;
  readonly outputEvents: Int32Array;
  /** CSR artifact -> executions with an input event on it (cached ones included), ascending. */
  readonly consumerOffsets: Int32Array;
  readonly consumers: Int32Array;
  /** Executions in a topological order of production edges (producer -> artifact -> consumer). */
  readonly topoOrder: Int32Array;
}

/** Builds the trace graph of a trace; throws CycleError when production edges form a cycle. */
export function buildTraceGraph(trace: Trace): TraceGraph {
  const executions = sortedById(trace.executions);
  const artifacts = sortedById(trace.artifacts);
  const executionIndex = indexOf(trace.pipeline, 'execution', executions);
  const artifactIndex = indexOf(trace.pipeline, 'artifact', artifacts);
  const e = executions.length;
  const a = artifacts.length;

  const roles = new Uint8Array(e);
  const cached = new Uint8Array(e);
  for (let i = 0; i < e; i++) {
    const x = executions[i]!;
    roles[i] = ROLES.indexOf(x.role);
    cached[i] = x.state === 'cached' ? 1 : 0;
  }
  const rank = startRank(executions);

  // Resolve events to dense indexes once.
  const n = trace.events.length;
  const evExec = new Int32Array(n);
  const evArt = new Int32Array(n);
  const evInput = new Uint8Array(n);
  let inputCount = 0;
  for (let k = 0; k < n; k++) {
    const ev = trace.events[k]!;
    const x = executionIndex(ev.execution);
    const y = artifactIndex(ev.artifact);
    if (x < 0) throw unknownNode(trace.pipeline, `e${ev.execution}`);
    if (y < 0) throw unknownNode(trace.pipeline, `a${ev.artifact}`);
    evExec[k] = x;
    evArt[k] = y;
    if (ev.kind === 'input') {
      evInput[k] = 1;
      inputCount++;
    }
  }

  // Two stable counting passes (by artifact, then by execution) make adjacency independent of
  // the order of trace.events.
  const byArtifact = countingSort(n, a, evArt);
  const inputs = groupBy(byArtifact, e, evExec, evArt, evInput, 1, inputCount);
  const outputs = groupBy(byArtifact, e, evExec, evArt, evInput, 0, n - inputCount);
  const byExecution = countingSort(n, e, evExec);
  const consumersCsr = groupBy(byExecution, a, evArt, evExec, evInput, 1, inputCount);

  // An execution that also reads the artifact only passes it on (a resolver re-emitting a
  // model made elsewhere): a reuse link, never production, so it cannot close a self-loop.
  const producer = new Int32Array(a).fill(-1);
  const readBy = new Int32Array(a).fill(-1);
  for (let x = 0; x < e; x++) {
    if (cached[x] === 1) continue;
    for (let j = inputs.offsets[x]!; j < inputs.offsets[x + 1]!; j++)
      readBy[inputs.targets[j]!] = x;
    for (let j = outputs.offsets[x]!; j < outputs.offsets[x + 1]!; j++) {
      const y = outputs.targets[j]!;
      const p = producer[y]!;
      if (readBy[y] !== x && (p < 0 || rank[x]! < rank[p]!)) producer[y] = x;
    }
  }

  const topoOrder = topologicalOrder(e, inputs.offsets, inputs.targets, producer, (start, left) => {
    const cycle = findCycle(
      start,
      left,
      inputs.offsets,
      inputs.targets,
      producer,
      executions,
      artifacts,
    );
    throw new CycleError(trace.pipeline, cycle);
  });

  return {
    trace,
    executions,
    artifacts,
    executionIndex,
    artifactIndex,
    roles,
    cached,
    rank,
    producer,
    inputOffsets: inputs.offsets,
    inputArtifacts: inputs.targets,
    inputEvents: inputs.events,
    outputOffsets: outputs.offsets,
    outputArtifacts: outputs.targets,
    outputEvents: outputs.events,
    consumerOffsets: consumersCsr.offsets,
    consumers: consumersCsr.targets,
    topoOrder,
  };
}

function sortedById<T extends { readonly id: number }>(nodes: readonly T[]): readonly T[] {
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i - 1]!.id >= nodes[i]!.id) return [...nodes].sort((x, y) => x.id - y.id);
  }
  return nodes;
}

function indexOf(
  pipeline: string,
  kind: 'execution' | 'artifact',
  nodes: readonly { readonly id: number }[],
): (id: number) => number {
  const index = new Map<number, number>();
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.id;
    if (index.has(id))
      throw new TraceError(
        'invalid_trace',
        'core',
        `trace '${pipeline}' has two ${kind}s with id ${id}`,
      );
    index.set(id, i);
  }
  return (id) => index.get(id) ?? -1;
}

function unknownNode(pipeline: string, node: string): TraceError {
  return new TraceError(
    'invalid_trace',
    'core',
    `trace '${pipeline}' has an event on unknown node ${node}`,
  );
}

/** Ranks executions by start time (unknown last), then id; ids are already ascending. */
function startRank(executions: readonly Execution[]): Int32Array {
  const rank = new Int32Array(executions.length);
  // Stores usually assign ids in start order: then the rank is the index, no sort needed.
  let sorted = true;
  let unknownSeen = false;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < executions.length && sorted; i++) {
    const start = executions[i]!.startMs;
    if (start === undefined) unknownSeen = true;
    else if (unknownSeen || start < last) sorted = false;
    else last = start;
    rank[i] = i;
  }
  if (sorted) return rank;
  const order = executions.map((_, i) => i);
  order.sort((i, j) => {
    const si = executions[i]!.startMs;
    const sj = executions[j]!.startMs;
    if (si === sj) return i - j;
    if (si === undefined) return 1;
    if (sj === undefined) return -1;
    return si - sj || i - j;
  });
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  return rank;
}

/** Event indexes stably sorted by `key[k]` in [0, buckets). */
function countingSort(n: number, buckets: number, key: Int32Array): Int32Array {
  const offsets = new Int32Array(buckets + 1);
  for (let k = 0; k < n; k++) offsets[key[k]! + 1]!++;
  for (let b = 0; b < buckets; b++) offsets[b + 1]! += offsets[b]!;
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[offsets[key[k]!]!++] = k;
  return out;
}

interface Csr {
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly events: Int32Array;
}

/** CSR from `source[k]` to `target[k]` over events of `order` with `kind[k] === keep`, stable. */
function groupBy(
  order: Int32Array,
  sources: number,
  source: Int32Array,
  target: Int32Array,
  kind: Uint8Array,
  keep: number,
  count: number,
): Csr {
  const offsets = new Int32Array(sources + 1);
  for (const k of order) if (kind[k] === keep) offsets[source[k]! + 1]!++;
  for (let s = 0; s < sources; s++) offsets[s + 1]! += offsets[s]!;
  const fill = offsets.slice(0, sources);
  const targets = new Int32Array(count);
  const events = new Int32Array(count);
  for (const k of order) {
    if (kind[k] !== keep) continue;
    const at = fill[source[k]!]!++;
    targets[at] = target[k]!;
    events[at] = k;
  }
  return { offsets, targets, events };
}

/** Kahn's algorithm over executions; on a cycle calls `onCycle` with a node left over. */
function topologicalOrder(
  e: number,
  inputOffsets: Int32Array,
  inputArtifacts: Int32Array,
  producer: Int32Array,
  onCycle: (start: number, left: Uint8Array) => never,
): Int32Array {
  const indegree = new Int32Array(e);
  const succOffsets = new Int32Array(e + 1);
  for (let x = 0; x < e; x++) {
    for (let j = inputOffsets[x]!; j < inputOffsets[x + 1]!; j++) {
      const p = producer[inputArtifacts[j]!]!;
      if (p >= 0) {
        indegree[x]!++;
        succOffsets[p + 1]!++;
      }
    }
  }
  for (let x = 0; x < e; x++) succOffsets[x + 1]! += succOffsets[x]!;
  const fill = succOffsets.slice(0, e);
  const succ = new Int32Array(succOffsets[e]!);
  for (let x = 0; x < e; x++) {
    for (let j = inputOffsets[x]!; j < inputOffsets[x + 1]!; j++) {
      const p = producer[inputArtifacts[j]!]!;
      if (p >= 0) succ[fill[p]!++] = x;
    }
  }
  const order = new Int32Array(e);
  let head = 0;
  let tail = 0;
  for (let x = 0; x < e; x++) if (indegree[x] === 0) order[tail++] = x;
  while (head < tail) {
    const x = order[head++]!;
    for (let j = succOffsets[x]!; j < succOffsets[x + 1]!; j++) {
      const y = succ[j]!;
      if (--indegree[y]! === 0) order[tail++] = y;
    }
  }
  if (tail === e) return order;
  const left = new Uint8Array(e);
  let start = -1;
  for (let x = e - 1; x >= 0; x--) {
    if (indegree[x]! > 0) {
      left[x] = 1;
      start = x;
    }
  }
  return onCycle(start, left);
}
