/**
 * The live OpenLineage source: events posted to /api/v1/lineage are validated, kept in
 * `lineage_events`, and the source's traces rebuilt from all its events (merging by run needs
 * them all; rebuilding costs linear time in the events). A pipeline keeps its trace id across
 * rebuilds, so an open Trace page follows it; new pipelines get the next ordinal.
 */
import { createHash } from 'node:crypto';
import { FormatError, openLineageToTraces, validateOpenLineageEvent } from '@graphlet/formats';
import { apiError } from '../http/api-error.ts';
import { storeTrace } from '../import/store-trace.ts';
import { toCoreOverrides } from '../store/role-override-rows.ts';
import type { LiveChange, LivePlan, LivePlanner, Store } from '../store/store.ts';
import { traceId } from '../store/write-import.ts';

const MARKER = 'graphlet-explorer:openlineage-live';
/** The live source's sha256 column: a marker, not a file's hash. */
const LIVE_SHA = createHash('sha256').update(MARKER).digest('hex');
/** The live source's id. */
export const LIVE_SOURCE_ID = LIVE_SHA.slice(0, 16);

/** Validates events (one, or an array), stores them and rebuilds the live source; 400 naming the field. */
export function receiveLineage(
  store: Store,
  body: unknown,
  now = new Date(),
): Promise<LiveRebuild> {
  const events = Array.isArray(body) ? body : [body];
  if (events.length === 0) throw apiError(400, 'invalid_event', 'lineage: no events in the body');
  events.forEach((event, i) => {
    try {
      validateOpenLineageEvent(event, Array.isArray(body) ? `events[${i}]` : 'event', 'lineage');
    } catch (error) {
      if (error instanceof FormatError) throw apiError(400, 'invalid_event', error.message);
      throw error;
    }
  });
  return rebuildLiveSource(store, {
    events: events.map((e) => JSON.stringify(e)),
    create: { name: 'OpenLineage (live)', sha256: LIVE_SHA, now },
  });
}

/** The live source's traces after a rebuild, and the ids of those that changed. */
export interface LiveRebuild {
  readonly traces: { id: string; pipeline: string }[];
  readonly changed: string[];
}

/** Applies `change` (new events, new overrides) to the live source and rebuilds its traces. */
export function rebuildLiveSource(store: Store, change: LiveChange): Promise<LiveRebuild> {
  return store.updateLiveSource(LIVE_SOURCE_ID, change, planLiveRebuild);
}

/**
 * Plans a rebuild of the live source's traces from its events and overrides. Runs are merged
 * from all events (a run's events may arrive in any order), but only the pipelines whose trace
 * changed are segmented and written again; the others stay as stored.
 */
function planLiveRebuild(
  ...[rows, overrideRows, storedRows]: Parameters<LivePlanner<LiveRebuild>>
): LivePlan<LiveRebuild> {
  const events = rows.map((r) => ({
    raw: JSON.parse(r.event) as unknown,
    where: `event ${r.seq}`,
  }));
  const overrides = toCoreOverrides(overrideRows);
  const { traces } =
    events.length === 0
      ? { traces: [] }
      : openLineageToTraces(events, 'lineage', { roleOverrides: overrides });
  const stored = new Map(storedRows.map((r) => [r.pipeline, r]));
  let next = Math.max(0, ...storedRows.map((r) => r.ordinal)) + 1;
  const out: { id: string; pipeline: string }[] = [];
  const changed: string[] = [];
  const write: LivePlan<LiveRebuild>['write'][number][] = [];
  for (const trace of traces) {
    const before = stored.get(trace.pipeline);
    stored.delete(trace.pipeline);
    const ordinal = before?.ordinal ?? next++;
    const id = traceId(LIVE_SOURCE_ID, ordinal);
    out.push({ id, pipeline: trace.pipeline });
    if (before !== undefined && before.trace === JSON.stringify(trace)) continue;
    write.push({ ordinal, trace: storeTrace(trace) });
    changed.push(id);
  }
  // Pipelines no events build any more (their runs moved under another root job).
  const gone = [...stored.values()].map((r) => r.id);
  changed.push(...gone);
  return { write, delete: gone, result: { traces: out, changed } };
}
