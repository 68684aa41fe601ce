/**
 * The warm-start and pushed flags of a model graphlet (paper §4.1: a model may warm-start a later
 * Trainer; §4.3: whether the model was pushed).
 * Both read only the graphlet's own executions and their events.
 */
import { BASE_MODEL_KEY, PUSHED } from './metadata-keys.ts';
import { ROLES } from './roles.ts';
import { type ExecutionState, propertyOf } from './trace.ts';
import type { TraceGraph } from './trace-graph.ts';

const TRAINER = ROLES.indexOf('trainer');
const DEPLOYMENT = ROLES.indexOf('deployment');

/**
 * Warm start: trainer n reads a model produced by another trainer execution under the key
 * `base_model`, or one produced by an earlier run of the same trainer node (same type, and same
 * name when both are recorded). A teacher -> student link between different nodes is not warm start.
 */
export function isWarmStart(g: TraceGraph, n: number): boolean {
  const self = g.executions[n]!;
  for (let j = g.inputOffsets[n]!; j < g.inputOffsets[n + 1]!; j++) {
    const p = g.producer[g.inputArtifacts[j]!]!;
    if (p < 0 || p === n || g.roles[p] !== TRAINER) continue;
    if (g.trace.events[g.inputEvents[j]!]!.key === BASE_MODEL_KEY) return true;
    const other = g.executions[p]!;
    const sameName =
      self.name === undefined || other.name === undefined || self.name === other.name;
    if (g.rank[p]! < g.rank[n]! && other.type === self.type && sameName) return true;
  }
  return false;
}

/** A trainer run in one of these states made no model: its graphlet is no push decision. */
export function isFailedTrainerState(state: ExecutionState): boolean {
  return state === 'failed' || state === 'canceled';
}

/**
 * Pushed: a deployment execution among `members` has an output whose `pushed` property is 1
 * (number 1, true or "1"). When no such output carries `pushed` at all, a deployment execution
 * that completed (or has no recorded state) and has an output counts as a push.
 */
export function isPushed(g: TraceGraph, members: Int32Array): boolean {
  let flagged = false;
  let completedWithOutput = false;
  for (const x of members) {
    if (g.roles[x] !== DEPLOYMENT) continue;
    const from = g.outputOffsets[x]!;
    const to = g.outputOffsets[x + 1]!;
    for (let j = from; j < to; j++) {
      const value = propertyOf(g.artifacts[g.outputArtifacts[j]!]!, PUSHED);
      if (value === undefined) continue;
      if (value === 1 || value === true || value === '1') return true;
      flagged = true;
    }
    const state = g.executions[x]!.state;
    if (to > from && (state === 'complete' || state === 'unknown')) completedWithOutput = true;
  }
  return !flagged && completedWithOutput;
}
