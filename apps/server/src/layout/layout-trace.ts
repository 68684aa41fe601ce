/**
 * Server-side trace layout in linear time after one sort (no layered layout): x is an execution's
 * start-time rank, artifacts sit half a step right of their producer (or left of their first
 * consumer); y is a lane per operator role, with sub-rows for executions that overlap in time.
 */
import type { GraphEdge, GraphNode, TraceGraph as TraceGraphDocument } from '@graphlet/contract';
import { ROLES, type TraceGraph } from '@graphlet/core';
import { artifactLabel, executionLabel } from './node-label.ts';

export const STEP_X = 60;
export const LANE_Y = 200;
const SUB_ROW_Y = 36;
const SUB_ROWS = 3;
const ARTIFACT_Y = 60;
const ARTIFACT_STACK_Y = 18;

interface Membership {
  readonly trainer: number;
  readonly executions: readonly number[];
  readonly artifacts: readonly number[];
}

/** Nodes (executions by id, then artifacts by id) with positions and graphlet membership, and edges. */
export function layoutTrace(
  graph: TraceGraph,
  graphlets: readonly Membership[],
): TraceGraphDocument {
  return { nodes: [...layoutNodes(graph, graphlets)], edges: [...traceEdges(graph)] };
}

/**
 * The laid-out nodes one at a time (executions by id, then artifacts by id), so that a writer can
 * serialise a large trace without holding every node object at once.
 */
export function* layoutNodes(
  graph: TraceGraph,
  graphlets: readonly Membership[],
): Generator<GraphNode> {
  const e = graph.executions.length;
  const a = graph.artifacts.length;
  const membership = graphletMembership(graph, graphlets);
  const trainersOf = (n: number) => {
    const trainers: number[] = [];
    for (let j = membership.offsets[n]!; j < membership.offsets[n + 1]!; j++) {
      trainers.push(membership.trainers[j]!);
    }
    return trainers;
  };

  const ex = new Float64Array(e);
  const ey = new Float64Array(e);
  placeExecutions(graph, ex, ey);

  for (let x = 0; x < e; x++) {
    const exec = graph.executions[x]!;
    const n = node(`e${exec.id}`, 'execution', exec.type, exec.name, exec.state, ex[x]!, ey[x]!);
    n.graphlets = trainersOf(x);
    n.role = exec.role;
    n.label = executionLabel(exec);
    if (exec.startMs !== undefined) n.timeMs = exec.startMs;
    yield n;
  }
  // Stack the artifacts next to one execution so they do not cover each other.
  const stacked = new Int32Array(e);
  let orphans = 0;
  for (let y = 0; y < a; y++) {
    const art = graph.artifacts[y]!;
    const producer = graph.producer[y]!;
    const firstConsumer =
      graph.consumerOffsets[y]! < graph.consumerOffsets[y + 1]!
        ? graph.consumers[graph.consumerOffsets[y]!]!
        : -1;
    let px: number;
    let py: number;
    if (producer >= 0) {
      px = ex[producer]! + STEP_X / 2;
      py = ey[producer]! + ARTIFACT_Y + ARTIFACT_STACK_Y * stacked[producer]!++;
    } else if (firstConsumer >= 0) {
      px = ex[firstConsumer]! - STEP_X / 2;
      py = ey[firstConsumer]! - ARTIFACT_Y - ARTIFACT_STACK_Y * stacked[firstConsumer]!++;
    } else {
      px = STEP_X * orphans++;
      py = LANE_Y * ROLES.length;
    }
    const n = node(`a${art.id}`, 'artifact', art.type, art.name, art.state, px, py);
    n.graphlets = trainersOf(e + y);
    n.label = artifactLabel(art);
    if (art.createdMs !== undefined) n.timeMs = art.createdMs;
    yield n;
  }
}

/**
 * Each node's graphlets (trainer ids, in the list's order) as offsets into one typed array,
 * nodes numbered executions first: two passes, no array per node.
 */
function graphletMembership(
  graph: TraceGraph,
  graphlets: readonly Membership[],
): { offsets: Int32Array; trainers: Float64Array } {
  const e = graph.executions.length;
  const nodeOf = (g: Membership, visit: (n: number) => void) => {
    for (const id of g.executions) {
      const x = graph.executionIndex(id);
      if (x >= 0) visit(x);
    }
    for (const id of g.artifacts) {
      const y = graph.artifactIndex(id);
      if (y >= 0) visit(e + y);
    }
  };
  const offsets = new Int32Array(e + graph.artifacts.length + 1);
  for (const g of graphlets) nodeOf(g, (n) => offsets[n + 1]!++);
  for (let n = 1; n < offsets.length; n++) offsets[n]! += offsets[n - 1]!;
  const trainers = new Float64Array(offsets[offsets.length - 1]!);
  const next = offsets.slice(0, -1);
  for (const g of graphlets) nodeOf(g, (n) => (trainers[next[n]!++] = g.trainer));
  return { offsets, trainers };
}

/** Input (artifact -> execution), output (producer -> artifact) and reuse (other output events) edges. */
export function* traceEdges(graph: TraceGraph): Generator<GraphEdge> {
  for (let x = 0; x < graph.executions.length; x++) {
    const target = `e${graph.executions[x]!.id}`;
    let previous = -1;
    for (let j = graph.inputOffsets[x]!; j < graph.inputOffsets[x + 1]!; j++) {
      const y = graph.inputArtifacts[j]!;
      if (y === previous) continue; // several events on one pair draw one edge
      previous = y;
      yield { source: `a${graph.artifacts[y]!.id}`, target, kind: 'input' };
    }
    const outputs = new Set<number>();
    for (let j = graph.outputOffsets[x]!; j < graph.outputOffsets[x + 1]!; j++) {
      const y = graph.outputArtifacts[j]!;
      if (outputs.has(y)) continue;
      outputs.add(y);
      const kind = graph.producer[y] === x ? 'output' : 'reuse';
      yield { source: target, target: `a${graph.artifacts[y]!.id}`, kind };
    }
  }
}

/** x by start-time rank; y by role lane, moving an execution down a sub-row while it overlaps the previous one. */
function placeExecutions(graph: TraceGraph, ex: Float64Array, ey: Float64Array): void {
  const e = graph.executions.length;
  const byRank = new Int32Array(e);
  for (let x = 0; x < e; x++) byRank[graph.rank[x]!] = x;
  const laneEnd = new Float64Array(ROLES.length).fill(Number.NEGATIVE_INFINITY);
  const laneRow = new Int32Array(ROLES.length);
  for (let r = 0; r < e; r++) {
    const x = byRank[r]!;
    const exec = graph.executions[x]!;
    const lane = graph.roles[x]!;
    const start = exec.startMs;
    const overlaps = start !== undefined && start < laneEnd[lane]!;
    laneRow[lane] = overlaps ? (laneRow[lane]! + 1) % SUB_ROWS : 0;
    const end = exec.endMs ?? start;
    if (end !== undefined)
      laneEnd[lane] = Math.max(overlaps ? laneEnd[lane]! : Number.NEGATIVE_INFINITY, end);
    ex[x] = r * STEP_X;
    ey[x] = lane * LANE_Y + laneRow[lane]! * SUB_ROW_Y;
  }
}

function node(
  id: string,
  kind: GraphNode['kind'],
  type: string,
  name: string | undefined,
  state: string,
  x: number,
  y: number,
): GraphNode {
  const n: GraphNode = { id, kind, type, x, y, graphlets: [] };
  if (name !== undefined) n.name = name;
  n.state = state;
  return n;
}
