/**
 * Model-graphlet segmentation (paper §4.1, made precise by rules (a)-(c) below): one graphlet per
 * non-cached trainer execution n, holding Up(n) ∪ Val(n) ∪ Down(n). Near-linear: shared work is
 * done once (graphlet-downstream.ts, validation-spans.ts); per trainer only a stamped BFS upstream.
 */
import type { Graphlet } from './graphlet.ts';
import { downstreamSets } from './graphlet-downstream.ts';
import { isFailedTrainerState, isPushed, isWarmStart } from './graphlet-flags.ts';
import type { ArtifactId, ExecutionId } from './ids.ts';
import { ROLES } from './roles.ts';
import type { Trace } from './trace.ts';
import { TraceError } from './trace-error.ts';
import { buildTraceGraph, type TraceGraph } from './trace-graph.ts';
import { spanArtifacts, spanValidators } from './validation-spans.ts';

/** The graphlets of one trace, ordered by trainer start time, then id. */
export interface Segmentation {
  readonly graphlets: readonly Graphlet[];
  /** Why there are no graphlets, when there are none. */
  readonly note?: string;
}

const TRAINER = ROLES.indexOf('trainer');
const INGESTION = ROLES.indexOf('ingestion');

/**
 * Segments a trace into model graphlets; throws CycleError when it is not a DAG.
 * Rules: (a) Up(n) = n and the executions upstream of it, not entering another trainer (a cut
 * trainer's model stays an input artifact); (b) Val(n) = data-validation executions performed on
 * Spans(n), the production outputs of ingestion executions in Up(n); (c) Down(n), see
 * graphlet-downstream.ts. Down wins over Val: a data-validation execution in Down(m) joins no
 * other graphlet, so a post-trainer execution is in at most one graphlet. Cached executions are
 * never members. A graphlet's artifacts are all inputs and outputs of its executions, reuse links
 * of those executions included (cached executions' reuse links never count).
 * @example segmentGraphlets(trace).graphlets.map((g) => g.trainer)
 */
export function segmentGraphlets(trace: Trace, graph?: TraceGraph): Segmentation {
  const g = graph ?? buildTraceGraph(trace);
  if (g.trace !== trace)
    throw new TraceError(
      'invalid_argument',
      'core',
      'segmentGraphlets: graph was built for another trace',
    );
  const e = g.executions.length;
  const trainers: number[] = [];
  let cachedTrainers = 0;
  for (let x = 0; x < e; x++) {
    if (g.roles[x] !== TRAINER) continue;
    if (g.cached[x] === 1) cachedTrainers++;
    else trainers.push(x);
  }
  if (trainers.length === 0) {
    const note =
      cachedTrainers === 0
        ? 'no Trainer executions: this trace has no graphlets'
        : 'only cached Trainer executions: this trace has no graphlets';
    return { graphlets: [], note };
  }
  trainers.sort((x, y) => g.rank[x]! - g.rank[y]!);
  const slot = new Int32Array(e).fill(-1);
  for (let t = 0; t < trainers.length; t++) slot[trainers[t]!] = t;

  const down = downstreamSets(g, slot, trainers.length);
  const downOwner = new Int32Array(e).fill(-1);
  for (let t = 0; t < trainers.length; t++) {
    for (let k = down.offsets[t]!; k < down.offsets[t + 1]!; k++) downOwner[down.members[k]!] = t;
  }
  const isSpan = spanArtifacts(g);
  const val = spanValidators(g, isSpan);
  const execStamp = new Int32Array(e).fill(-1);
  const artStamp = new Int32Array(g.artifacts.length).fill(-1);
  const spanStamp = new Int32Array(g.artifacts.length).fill(-1);
  const members = new Int32Array(e);
  const arts = new Int32Array(g.artifacts.length);
  const spans = new Int32Array(g.artifacts.length);

  const graphlets: Graphlet[] = [];
  for (let t = 0; t < trainers.length; t++) {
    const n = trainers[t]!;
    // (a) Up(n): BFS over input artifact -> producer; `members` doubles as the queue.
    let size = 0;
    let spanCount = 0;
    execStamp[n] = t;
    members[size++] = n;
    for (let head = 0; head < size; head++) {
      const x = members[head]!;
      for (let j = g.inputOffsets[x]!; j < g.inputOffsets[x + 1]!; j++) {
        const p = g.producer[g.inputArtifacts[j]!]!;
        if (p >= 0 && slot[p] === -1 && execStamp[p] !== t) {
          execStamp[p] = t;
          members[size++] = p;
        }
      }
      if (g.roles[x] === INGESTION) {
        for (let j = g.outputOffsets[x]!; j < g.outputOffsets[x + 1]!; j++) {
          const a = g.outputArtifacts[j]!;
          if (g.producer[a] === x && spanStamp[a] !== t) {
            spanStamp[a] = t;
            spans[spanCount++] = a;
          }
        }
      }
    }
    // (b) Val(n): validators of any span in Spans(n), except another trainer's post-trainer ones.
    for (let i = 0; i < spanCount; i++) {
      const s = spans[i]!;
      for (let k = val.offsets[s]!; k < val.offsets[s + 1]!; k++) {
        const v = val.validators[k]!;
        if (execStamp[v] !== t && (downOwner[v] === -1 || downOwner[v] === t)) {
          execStamp[v] = t;
          members[size++] = v;
        }
      }
    }
    // (c) Down(n), disjoint from Up(n) (nothing in it reaches a trainer) but maybe not from Val(n).
    for (let k = down.offsets[t]!; k < down.offsets[t + 1]!; k++) {
      const d = down.members[k]!;
      if (execStamp[d] !== t) {
        execStamp[d] = t;
        members[size++] = d;
      }
    }
    const executions = members.slice(0, size).sort();
    let artCount = 0;
    for (const x of executions) {
      for (let j = g.inputOffsets[x]!; j < g.inputOffsets[x + 1]!; j++) {
        const a = g.inputArtifacts[j]!;
        if (artStamp[a] !== t) {
          artStamp[a] = t;
          arts[artCount++] = a;
        }
      }
      for (let j = g.outputOffsets[x]!; j < g.outputOffsets[x + 1]!; j++) {
        const a = g.outputArtifacts[j]!;
        if (artStamp[a] !== t) {
          artStamp[a] = t;
          arts[artCount++] = a;
        }
      }
    }
    const trainer = g.executions[n]!;
    const failed = isFailedTrainerState(trainer.state);
    let endMs: number | undefined;
    for (const x of executions) {
      const end = g.executions[x]!.endMs;
      if (end !== undefined && (endMs === undefined || end > endMs)) endMs = end;
    }
    graphlets.push({
      trainer: trainer.id,
      index: t,
      executions: executionIds(g, executions),
      artifacts: artifactIds(g, arts.slice(0, artCount).sort()),
      spans: artifactIds(g, spans.slice(0, spanCount).sort()),
      downstream: executionIds(g, down.members.subarray(down.offsets[t]!, down.offsets[t + 1]!)),
      warmStart: isWarmStart(g, n),
      failed,
      pushed: !failed && isPushed(g, executions),
      startMs: trainer.startMs,
      endMs,
    });
  }
  return { graphlets };
}

function executionIds(g: TraceGraph, indexes: Int32Array): ExecutionId[] {
  const ids = new Array<ExecutionId>(indexes.length);
  for (let i = 0; i < indexes.length; i++) ids[i] = g.executions[indexes[i]!]!.id;
  return ids;
}

function artifactIds(g: TraceGraph, indexes: Int32Array): ArtifactId[] {
  const ids = new Array<ArtifactId>(indexes.length);
  for (let i = 0; i < indexes.length; i++) ids[i] = g.artifacts[indexes[i]!]!.id;
  return ids;
}
