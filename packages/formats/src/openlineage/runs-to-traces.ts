/**
 * Merged OpenLineage runs to traces. Runs become executions and dataset versions artifacts
 * (dataset-versions.ts). Pipelines: a run with a parent facet belongs to the pipeline of its root
 * job (`namespace/job`, following parents through the file or the facet's `root`); a run with
 * neither parent nor children to its namespace. A run that only parents others (an Airflow DAG
 * run, a dbt invocation: no datasets) is the pipeline run itself, not an execution.
 */
import {
  type Artifact,
  artifactId,
  type Execution,
  executionId,
  type JsonValue,
  type Properties,
  type Role,
  type RoleSubject,
  type Trace,
  type TraceEvent,
} from '@graphlet/core';
import { type DatasetVersion, DatasetVersions } from './dataset-versions.ts';
import { type MergedRun, runKey } from './merge-runs.ts';

/** The execution type of a run: its job type facet as `INTEGRATION:JOBTYPE`, else `openlineage:Job`. */
function jobTypeOf(run: MergedRun): string {
  const facet = run.jobFacets.jobType;
  if (facet === undefined) return DEFAULT_JOB_TYPE;
  const integration = typeof facet.integration === 'string' ? facet.integration : 'openlineage';
  const jobType = typeof facet.jobType === 'string' ? facet.jobType : 'Job';
  return `${integration}:${jobType}`;
}

/** The type of a run without a job type facet. */
export const DEFAULT_JOB_TYPE = 'openlineage:Job';

/** Builds traces (sorted by pipeline name) from merged runs; roles from `classify`. */
export function runsToTraces(
  runs: readonly MergedRun[],
  classify: (s: RoleSubject) => Role,
): Trace[] {
  const byKey = new Map(runs.map((r) => [r.key, r]));
  const parents = new Set<string>();
  for (const r of runs) {
    if (r.parent !== undefined)
      parents.add(runKey(r.parent.job.namespace, r.parent.job.name, r.parent.run.runId));
  }
  const included = runs
    .filter((r) => !parents.has(r.key) || r.inputs.length + r.outputs.length > 0)
    .sort(
      (a, b) =>
        (a.startMs ?? Number.POSITIVE_INFINITY) - (b.startMs ?? Number.POSITIVE_INFINITY) ||
        a.arrival - b.arrival,
    );
  const versions = new DatasetVersions();
  const pipelines = new Map<
    string,
    { executions: Execution[]; events: TraceEvent[]; artifacts: Set<DatasetVersion> }
  >();
  included.forEach((run, i) => {
    const id = executionId(i + 1);
    const pipeline = pipelineOf(run, byKey, parents);
    let p = pipelines.get(pipeline);
    if (p === undefined) {
      p = { executions: [], events: [], artifacts: new Set() };
      pipelines.set(pipeline, p);
    }
    const customProperties: Properties = {};
    if (Object.keys(run.runFacets).length > 0)
      customProperties.runFacets = run.runFacets as JsonValue;
    if (Object.keys(run.jobFacets).length > 0)
      customProperties.jobFacets = run.jobFacets as JsonValue;
    const subject = { type: jobTypeOf(run), name: run.job, customProperties };
    p.executions.push({
      id,
      type: subject.type,
      name: run.job,
      role: classify(subject),
      state: run.state,
      startMs: run.startMs,
      endMs: run.endMs,
      properties: { namespace: run.namespace, runId: run.runId },
      customProperties,
    });
    // Inputs first: a run reads the versions that exist before it writes.
    for (const d of run.inputs) {
      const v = versions.read(d);
      p.artifacts.add(v);
      p.events.push(event(id, v, 'input', d.timeMs));
    }
    for (const d of run.outputs) {
      const v = versions.write(d);
      p.artifacts.add(v);
      p.events.push(event(id, v, 'output', d.timeMs));
    }
  });
  return [...pipelines.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([pipeline, p]) => ({
      pipeline,
      executions: p.executions,
      artifacts: [...p.artifacts].sort((a, b) => a.index - b.index).map(artifactOf),
      events: p.events,
    }));
}

function event(
  execution: ReturnType<typeof executionId>,
  v: DatasetVersion,
  kind: 'input' | 'output',
  timeMs: number | undefined,
): TraceEvent {
  return {
    execution,
    artifact: artifactId(v.index + 1),
    kind,
    type: kind === 'input' ? 'INPUT' : 'OUTPUT',
    timeMs,
  };
}

function artifactOf(v: DatasetVersion): Artifact {
  const properties: Properties = { namespace: v.namespace };
  if (v.version !== undefined) properties.version = v.version;
  const customProperties: Properties = {};
  if (Object.keys(v.facets).length > 0) customProperties.facets = v.facets as JsonValue;
  return {
    id: artifactId(v.index + 1),
    type: 'Dataset',
    name: v.name,
    state: 'unknown',
    properties,
    customProperties,
  };
}

/** The pipeline of a run: its root job's `namespace/name`, or its namespace when it stands alone. */
function pipelineOf(
  run: MergedRun,
  byKey: ReadonlyMap<string, MergedRun>,
  parents: ReadonlySet<string>,
): string {
  if (run.parent === undefined) {
    return parents.has(run.key) ? `${run.namespace}/${run.job}` : run.namespace;
  }
  if (run.parent.root !== undefined)
    return `${run.parent.root.job.namespace}/${run.parent.root.job.name}`;
  let job = run.parent.job;
  let next = byKey.get(runKey(job.namespace, job.name, run.parent.run.runId));
  const seen = new Set<string>([run.key]);
  while (next?.parent !== undefined && !seen.has(next.key)) {
    seen.add(next.key);
    job = next.parent.job;
    next = byKey.get(runKey(job.namespace, job.name, next.parent.run.runId));
  }
  return `${job.namespace}/${job.name}`;
}
