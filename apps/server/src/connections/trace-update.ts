/** What a sync's extension of a stored trace changed, for the search index. */
import type { Trace } from '@graphlet/core';
import type { MlmdChanges } from '@graphlet/formats';
import type { TraceUpdate } from '../store/replace-trace.ts';

/** Stored nodes the changes replaced are dropped and indexed again; new nodes are indexed. */
export function traceUpdate(before: Trace, after: Trace, changes: MlmdChanges): TraceUpdate {
  const hadExecution = new Set<number>(before.executions.map((e) => e.id));
  const hadArtifact = new Set<number>(before.artifacts.map((a) => a.id));
  const changedExecution = new Set<number>(changes.executions.map((e) => e.id));
  const changedArtifact = new Set<number>(changes.artifacts.map((a) => a.id));
  const executions = after.executions.filter(
    (e) => !hadExecution.has(e.id) || changedExecution.has(e.id),
  );
  const artifacts = after.artifacts.filter(
    (a) => !hadArtifact.has(a.id) || changedArtifact.has(a.id),
  );
  return {
    dropNodes: [
      ...executions.filter((e) => hadExecution.has(e.id)).map((e) => `e${e.id}`),
      ...artifacts.filter((a) => hadArtifact.has(a.id)).map((a) => `a${a.id}`),
    ],
    addNodes: { executions, artifacts },
  };
}
