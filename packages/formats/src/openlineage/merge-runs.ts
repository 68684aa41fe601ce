/**
 * Merges the START / RUNNING / COMPLETE / FAIL / ABORT / OTHER events of each run into one run
 * record: state and times, the union of its inputs and outputs, its latest facets. Events may
 * arrive in any order and repeat; the merge is by time, then by lifecycle order, then by arrival.
 */
import type { ExecutionState, JsonValue } from '@graphlet/core';
import { isTemplatePlaceholder, parseEventTime } from './event-time.ts';
import type { Facets, LineageDataset, ParentFacet, RunEvent } from './lineage-event.ts';

/** A dataset as one run used it: the union of its mentions, facets merged (later win). */
export interface RunDataset {
  readonly namespace: string;
  readonly name: string;
  facets: Record<string, { readonly [key: string]: JsonValue }>;
  /** The time of the first event naming it, when known. */
  readonly timeMs: number | undefined;
}

/** One run of a job, merged from its events. */
export interface MergedRun {
  /** Job namespace, job name and run id: run ids of test templates repeat across jobs. */
  readonly key: string;
  readonly namespace: string;
  readonly job: string;
  readonly runId: string;
  readonly state: ExecutionState;
  readonly startMs: number | undefined;
  readonly endMs: number | undefined;
  readonly runFacets: Facets;
  readonly jobFacets: Facets;
  readonly parent: ParentFacet | undefined;
  readonly inputs: readonly RunDataset[];
  readonly outputs: readonly RunDataset[];
  /** Arrival position of the run's first event, to order runs of unknown time. */
  readonly arrival: number;
}

const LIFECYCLE: Readonly<Record<string, number>> = {
  START: 0,
  RUNNING: 1,
  OTHER: 2,
  COMPLETE: 3,
  FAIL: 3,
  ABORT: 3,
};
const TERMINAL: Readonly<Record<string, ExecutionState>> = {
  COMPLETE: 'complete',
  FAIL: 'failed',
  ABORT: 'canceled',
};

/** The key of a run: its job and run id. */
export function runKey(namespace: string, job: string, runId: string): string {
  return `${namespace}\u0000${job}\u0000${runId}`;
}

interface Timed {
  readonly event: RunEvent;
  readonly timeMs: number | undefined;
  readonly arrival: number;
}

/** Groups run events by run and merges each group, runs in no particular order. */
export function mergeRuns(events: readonly RunEvent[]): MergedRun[] {
  const groups = new Map<string, Timed[]>();
  events.forEach((event, arrival) => {
    const key = runKey(event.job.namespace, event.job.name, event.run.runId);
    const timeMs = isTemplatePlaceholder(event.eventTime)
      ? undefined
      : parseEventTime(event.eventTime);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [{ event, timeMs, arrival }]);
    else list.push({ event, timeMs, arrival });
  });
  return [...groups.entries()].map(([key, list]) => mergeRun(key, list));
}

function mergeRun(key: string, list: Timed[]): MergedRun {
  list.sort(
    (a, b) =>
      (a.timeMs ?? Number.POSITIVE_INFINITY) - (b.timeMs ?? Number.POSITIVE_INFINITY) ||
      LIFECYCLE[a.event.eventType ?? 'OTHER']! - LIFECYCLE[b.event.eventType ?? 'OTHER']! ||
      a.arrival - b.arrival,
  );
  const first = list[0]!;
  let state: ExecutionState = 'unknown';
  let startMs: number | undefined;
  let lastMs: number | undefined;
  const runFacets: Record<string, { readonly [key: string]: JsonValue }> = {};
  const jobFacets: Record<string, { readonly [key: string]: JsonValue }> = {};
  const inputs = new Map<string, RunDataset>();
  const outputs = new Map<string, RunDataset>();
  for (const { event, timeMs } of list) {
    const type = event.eventType ?? 'OTHER';
    const terminal = TERMINAL[type];
    if (terminal !== undefined) state = terminal;
    else if ((type === 'START' || type === 'RUNNING') && TERMINAL[stateEvent(state)] === undefined)
      state = 'running';
    if (type === 'START' && startMs === undefined) startMs = timeMs;
    if (timeMs !== undefined) lastMs = timeMs;
    Object.assign(runFacets, event.run.facets);
    Object.assign(jobFacets, event.job.facets);
    for (const d of event.inputs ?? []) mention(inputs, d, timeMs);
    for (const d of event.outputs ?? []) mention(outputs, d, timeMs);
  }
  startMs ??= list.find((t) => t.timeMs !== undefined)?.timeMs;
  return {
    key,
    namespace: first.event.job.namespace,
    job: first.event.job.name,
    runId: first.event.run.runId,
    state,
    startMs,
    endMs: lastMs,
    runFacets,
    jobFacets,
    parent: runFacets.parent as unknown as ParentFacet | undefined,
    inputs: [...inputs.values()],
    outputs: [...outputs.values()],
    arrival: Math.min(...list.map((t) => t.arrival)),
  };
}

/** The event type that would have produced `state` (terminal states only matter here). */
function stateEvent(state: ExecutionState): string {
  if (state === 'complete') return 'COMPLETE';
  if (state === 'failed') return 'FAIL';
  if (state === 'canceled') return 'ABORT';
  return 'RUNNING';
}

function mention(
  into: Map<string, RunDataset>,
  d: LineageDataset,
  timeMs: number | undefined,
): void {
  const key = `${d.namespace}\u0000${d.name}`;
  const seen = into.get(key);
  if (seen === undefined) {
    into.set(key, { namespace: d.namespace, name: d.name, facets: { ...d.facets }, timeMs });
  } else {
    seen.facets = { ...seen.facets, ...d.facets };
  }
}
