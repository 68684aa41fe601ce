/**
 * A canonical form of a trace for round-trip tests across formats that assign their own ids:
 * executions renumbered by (start time, id), artifacts by first use in that order (inputs before
 * outputs), events sorted; everything else as it is.
 */
import { type Artifact, artifactId, executionId, type Trace } from '@graphlet/core';

/** The trace with ids renumbered canonically and nodes and events in canonical order. */
export function canonicalTrace(trace: Trace): Trace {
  const executions = [...trace.executions].sort(
    (a, b) =>
      (a.startMs ?? Number.POSITIVE_INFINITY) - (b.startMs ?? Number.POSITIVE_INFINITY) ||
      a.id - b.id,
  );
  const execId = new Map(executions.map((e, i) => [e.id as number, i + 1]));
  const artId = new Map<number, number>();
  const rank = (kind: string) => (kind === 'input' ? 0 : 1);
  const ordered = [...trace.events].sort(
    (a, b) => execId.get(a.execution)! - execId.get(b.execution)! || rank(a.kind) - rank(b.kind),
  );
  for (const e of ordered) if (!artId.has(e.artifact)) artId.set(e.artifact, artId.size + 1);
  for (const a of trace.artifacts) if (!artId.has(a.id)) artId.set(a.id, artId.size + 1);
  const events = ordered
    .map((e) => ({
      ...e,
      execution: executionId(execId.get(e.execution)!),
      artifact: artifactId(artId.get(e.artifact)!),
    }))
    .sort(
      (a, b) => a.execution - b.execution || rank(a.kind) - rank(b.kind) || a.artifact - b.artifact,
    );
  const artifacts: Artifact[] = trace.artifacts
    .map((a) => ({ ...a, id: artifactId(artId.get(a.id)!) }))
    .sort((a, b) => a.id - b.id);
  return {
    pipeline: trace.pipeline,
    executions: executions.map((e) => ({ ...e, id: executionId(execId.get(e.id)!) })),
    artifacts,
    events,
  };
}
