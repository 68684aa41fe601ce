/**
 * Finds one cycle among the executions Kahn's algorithm could not order, for the error message.
 * Every such execution has an unordered producer among its inputs, so walking producers backward
 * must revisit a node; linear in the size of the leftover subgraph.
 */
import type { Artifact, Execution } from './trace.ts';
import { TraceError } from './trace-error.ts';

/** A trace whose production edges (producer -> artifact -> consumer) form a cycle. */
export class CycleError extends TraceError {
  override readonly name: string = 'CycleError';
  /** The cycle's nodes in edge order (`e<id>` / `a<id>`), starting at its smallest execution id. */
  readonly cycle: readonly string[];

  constructor(pipeline: string, cycle: readonly string[]) {
    super(
      'cycle',
      'core',
      `trace '${pipeline}' is not a DAG: ${[...cycle, cycle[0]].join(' -> ')}`,
    );
    this.cycle = cycle;
  }
}

/** The nodes of one cycle through leftover executions (`left[x] === 1`), reached from `start`. */
export function findCycle(
  start: number,
  left: Uint8Array,
  inputOffsets: Int32Array,
  inputArtifacts: Int32Array,
  producer: Int32Array,
  executions: readonly Execution[],
  artifacts: readonly Artifact[],
): string[] {
  const seenAt = new Int32Array(executions.length).fill(-1);
  // Backward walk: walkExec[i] consumes walkArt[i], which walkExec[i + 1] produces.
  const walkExec: number[] = [];
  const walkArt: number[] = [];
  let x = start;
  while (seenAt[x] === -1) {
    seenAt[x] = walkExec.length;
    walkExec.push(x);
    let next = -1;
    for (let j = inputOffsets[x]!; j < inputOffsets[x + 1]! && next < 0; j++) {
      const p = producer[inputArtifacts[j]!]!;
      if (p >= 0 && left[p] === 1) {
        next = p;
        walkArt.push(inputArtifacts[j]!);
      }
    }
    if (next < 0)
      throw new TraceError(
        'internal',
        'core',
        'findCycle called on an execution outside any cycle',
      );
    x = next;
  }
  // The cycle is walkExec[from..] back to x; reverse it into edge direction.
  const from = seenAt[x]!;
  const execs = walkExec.slice(from).reverse();
  const arts = walkArt.slice(from).reverse();
  // After reversing, execs[i] produces arts[i + 1]; rotate so that execs[i] produces arts[i].
  arts.push(arts.shift()!);
  let first = 0;
  for (let i = 1; i < execs.length; i++) if (execs[i]! < execs[first]!) first = i;
  const nodes: string[] = [];
  for (let i = 0; i < execs.length; i++) {
    const k = (first + i) % execs.length;
    nodes.push(`e${executions[execs[k]!]!.id}`, `a${artifacts[arts[k]!]!.id}`);
  }
  return nodes;
}
