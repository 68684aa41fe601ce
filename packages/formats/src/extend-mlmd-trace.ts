/**
 * Extends a pipeline's stored trace with what a change read found (mlmd-changes.ts), so that a
 * sync reads only what changed: changed nodes replace their stored rows, nodes newly linked to the
 * pipeline join it with their new events. The result is the trace a full read of the pipeline
 * gives, when the change read holds every row the extension needs; otherwise (an old execution
 * joined the pipeline, a new event names an artifact the read did not see) it is undefined and
 * the pipeline must be read whole. Nodes are never removed: MLMD does not delete.
 */
import type { Artifact, Execution, Trace, TraceEvent } from '@graphlet/core';
import type { MlmdChanges } from './mlmd-changes.ts';

/** The stored trace with the changes applied; undefined when only a full read can tell. */
export function extendTrace(stored: Trace, changes: MlmdChanges): Trace | undefined {
  const joined = changes.joined.get(stored.pipeline);
  const executions = new Map<number, Execution>(stored.executions.map((e) => [e.id, e]));
  const changedExecutions = new Map<number, Execution>(changes.executions.map((e) => [e.id, e]));
  for (const [id, e] of changedExecutions) if (executions.has(id)) executions.set(id, e);
  for (const id of joined?.executions ?? []) {
    if (executions.has(id)) continue;
    const e = changedExecutions.get(id);
    // An execution from before the mark joined: its older events are not in the change read.
    if (e === undefined) return undefined;
    executions.set(id, e);
  }

  // MLMD keeps one event per (artifact, execution, type): a stored one read again is the same.
  const known = new Set(stored.events.map(eventKey));
  const events: TraceEvent[] = [...stored.events];
  for (const ev of changes.events) {
    if (!executions.has(ev.execution) || known.has(eventKey(ev))) continue;
    known.add(eventKey(ev));
    events.push(ev);
  }

  const artifacts = new Map<number, Artifact>(stored.artifacts.map((a) => [a.id, a]));
  const changedArtifacts = new Map<number, Artifact>(changes.artifacts.map((a) => [a.id, a]));
  for (const [id, a] of changedArtifacts) if (artifacts.has(id)) artifacts.set(id, a);
  const needed = [...(joined?.artifacts ?? []), ...events.map((ev) => ev.artifact as number)];
  for (const id of needed) {
    if (artifacts.has(id)) continue;
    const a = changedArtifacts.get(id);
    if (a === undefined) return undefined;
    artifacts.set(id, a);
  }
  return {
    pipeline: stored.pipeline,
    executions: [...executions.values()].sort(byId),
    artifacts: [...artifacts.values()].sort(byId),
    events,
  };
}

function eventKey(ev: TraceEvent): string {
  return `${ev.execution} ${ev.artifact} ${ev.type}`;
}

function byId(a: { readonly id: number }, b: { readonly id: number }): number {
  return a.id - b.id;
}
