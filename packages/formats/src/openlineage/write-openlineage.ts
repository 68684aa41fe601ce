/**
 * Writes traces as OpenLineage run events (JSON lines), the inverse of read-openlineage.ts for
 * what OpenLineage can say: per execution a START event (with its inputs) at its start and a
 * terminal event (COMPLETE, FAIL, ABORT; RUNNING or OTHER when unfinished) at its end with its
 * outputs. A pipeline `namespace/job` is written as a parent facet naming that job.
 */
import type { Artifact, Execution, JsonValue, Trace, TraceEvent } from '@graphlet/core';
import { FormatError } from '../format-error.ts';
import { formatEventTime } from './event-time.ts';
import { DEFAULT_JOB_TYPE } from './runs-to-traces.ts';

const PRODUCER =
  'https://github.com/graphlet-explorer/graphlet-explorer/tree/main/packages/formats';
const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';

type Json = { [key: string]: JsonValue };

const TERMINAL: Readonly<Partial<Record<Execution['state'], string>>> = {
  complete: 'COMPLETE',
  failed: 'FAIL',
  canceled: 'ABORT',
  running: 'RUNNING',
  unknown: 'OTHER',
};

/** The traces as OpenLineage events, one JSON document per line; throws for an execution with no time. */
export function stringifyOpenLineage(traces: readonly Trace[]): string {
  return traces
    .flatMap((t) => traceEvents(t))
    .map((e) => JSON.stringify(e))
    .join('\n')
    .concat('\n');
}

/** The run events of one trace, executions in id order. */
export function traceEvents(trace: Trace): Json[] {
  const artifacts = new Map(trace.artifacts.map((a) => [a.id as number, a]));
  const byExecution = new Map<number, TraceEvent[]>();
  for (const e of trace.events) {
    const list = byExecution.get(e.execution);
    if (list === undefined) byExecution.set(e.execution, [e]);
    else list.push(e);
  }
  const out: Json[] = [];
  for (const x of [...trace.executions].sort((a, b) => a.id - b.id)) {
    const events = byExecution.get(x.id) ?? [];
    const datasets = (kind: 'input' | 'output') =>
      events.filter((e) => e.kind === kind).map((e) => dataset(artifacts.get(e.artifact)!));
    const start = x.startMs ?? x.endMs;
    if (start === undefined) {
      throw new FormatError(
        'unsupported',
        trace.pipeline,
        `execution ${x.id} has no time; OpenLineage events need one`,
      );
    }
    const end = x.endMs ?? start;
    const terminal = TERMINAL[x.state];
    if (terminal === undefined) {
      throw new FormatError(
        'unsupported',
        trace.pipeline,
        `execution ${x.id} is ${x.state}; OpenLineage has no such run state`,
      );
    }
    const first = x.state === 'unknown' ? 'OTHER' : 'START';
    out.push(runEvent(trace, x, first, start, datasets('input'), []));
    out.push(runEvent(trace, x, terminal, end, [], datasets('output')));
  }
  return out;
}

function runEvent(
  trace: Trace,
  x: Execution,
  eventType: string,
  ms: number,
  inputs: Json[],
  outputs: Json[],
): Json {
  const namespace =
    typeof x.properties.namespace === 'string' ? x.properties.namespace : trace.pipeline;
  const runId =
    typeof x.properties.runId === 'string' ? x.properties.runId : uuidOf(trace.pipeline, x.id);
  const runFacets = objectOf(x.customProperties.runFacets) ?? {};
  if (runFacets.parent === undefined && trace.pipeline.startsWith(`${namespace}/`)) {
    runFacets.parent = {
      _producer: PRODUCER,
      _schemaURL:
        'https://openlineage.io/spec/facets/1-0-1/ParentRunFacet.json#/$defs/ParentRunFacet',
      run: { runId: uuidOf(trace.pipeline, 0) },
      job: { namespace, name: trace.pipeline.slice(namespace.length + 1) },
    };
  }
  const jobFacets = objectOf(x.customProperties.jobFacets) ?? jobTypeFacets(x.type);
  const run: Json = { runId };
  if (Object.keys(runFacets).length > 0) run.facets = runFacets;
  const job: Json = { namespace, name: x.name ?? x.type };
  if (Object.keys(jobFacets).length > 0) job.facets = jobFacets;
  return {
    eventType,
    eventTime: formatEventTime(ms),
    producer: PRODUCER,
    schemaURL: SCHEMA_URL,
    run,
    job,
    inputs,
    outputs,
  };
}

function jobTypeFacets(type: string): Json {
  const colon = type.indexOf(':');
  if (type === DEFAULT_JOB_TYPE || colon < 0) return {};
  return {
    jobType: {
      _producer: PRODUCER,
      _schemaURL:
        'https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet',
      processingType: 'BATCH',
      integration: type.slice(0, colon),
      jobType: type.slice(colon + 1),
    },
  };
}

function dataset(a: Artifact): Json {
  const facets: Json = { ...(objectOf(a.customProperties.facets) ?? {}) };
  if (typeof a.properties.version === 'string' && facets.version === undefined) {
    facets.version = {
      _producer: PRODUCER,
      _schemaURL:
        'https://openlineage.io/spec/facets/1-0-0/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet',
      datasetVersion: a.properties.version,
    };
  }
  const namespace =
    typeof a.properties.namespace === 'string' ? a.properties.namespace : 'graphlet-explorer';
  const d: Json = { namespace, name: a.name ?? `artifact-${a.id}` };
  if (Object.keys(facets).length > 0) d.facets = facets;
  return d;
}

function objectOf(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Json) }
    : undefined;
}

/** A deterministic UUID (version 8 layout) for an execution without a recorded run id. */
function uuidOf(pipeline: string, id: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pipeline.length; i++)
    h = Math.imul(h ^ pipeline.charCodeAt(i), 0x01000193) >>> 0;
  const hex = (n: number, w: number) => n.toString(16).padStart(w, '0').slice(-w);
  return `${hex(h, 8)}-0000-8000-8000-${hex(id, 12)}`;
}
