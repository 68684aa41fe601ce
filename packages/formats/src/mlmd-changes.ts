/**
 * Incremental reading of an MLMD store, the primitive a live sync polls with: a watermark (the
 * largest ids seen, the latest `last_update_time_since_epoch` seen, the executions still NEW or
 * RUNNING) and what changed since it: new and updated executions and artifacts, new events,
 * state changes of open executions, and the pipelines they touch. Each read is one snapshot.
 */
import type { Artifact, Execution, ExecutionId, ExecutionState, TraceEvent } from '@graphlet/core';
import { ChangeQueries, type JoinedNodes } from './mlmd-change-queries.ts';
import { executionStateOf } from './mlmd-codes.ts';
import { idList } from './mlmd-dialect.ts';
import { streamTraceRows } from './mlmd-rows.ts';
import { traceSql } from './mlmd-trace-queries.ts';
import { type MlmdWatermark, mlmdWatermarkSchema, OPEN_STATES } from './mlmd-watermark.ts';
import type { MlmdStore } from './read-mlmd-source.ts';
import { inSnapshot } from './row-source.ts';

export type { JoinedNodes } from './mlmd-change-queries.ts';
export { type MlmdWatermark, mlmdWatermarkSchema } from './mlmd-watermark.ts';

/** An open execution whose state changed. */
export interface ExecutionStateChange {
  readonly execution: ExecutionId;
  readonly from: ExecutionState;
  readonly to: ExecutionState;
}

/** What changed in a store since a watermark. */
export interface MlmdChanges {
  /** New executions, updated ones, and every open one read again (ascending id). */
  readonly executions: Execution[];
  /** New and updated artifacts (ascending id). */
  readonly artifacts: Artifact[];
  /** New events (ascending id; UNKNOWN ones dropped as in traces). */
  readonly events: TraceEvent[];
  /** Open executions (NEW, RUNNING) whose state changed. */
  readonly stateChanges: ExecutionStateChange[];
  /** Names of the pipelines the changes touch, sorted; `default` for executions of none. */
  readonly pipelines: string[];
  /** Per pipeline (not `default`), its changed nodes and the nodes newly linked to it. */
  readonly joined: ReadonlyMap<string, JoinedNodes>;
  /** The watermark to pass next time. */
  readonly watermark: MlmdWatermark;
}

/** The watermark of the store as it is now (take it before a first full read). */
export function readWatermark(store: MlmdStore): Promise<MlmdWatermark> {
  return inSnapshot(store.source, async () => {
    const q = new ChangeQueries(store);
    const open = store.columns.get('Execution')?.has('last_known_state')
      ? await q.pairs(
          `SELECT id, last_known_state FROM ${q.t('Execution')} WHERE last_known_state IN (${OPEN_STATES.new}, ${OPEN_STATES.running})`,
        )
      : [];
    return q.watermark(open, undefined);
  });
}

/** What changed since `since`, with the new watermark; everything in one snapshot. */
export function readChanges(store: MlmdStore, since: MlmdWatermark): Promise<MlmdChanges> {
  const w = mlmdWatermarkSchema.parse(since);
  return inSnapshot(store.source, async () => {
    const q = new ChangeQueries(store);
    const t = q.t;
    const executionCondition = q.condition('Execution', w.executionId, w.executionsUpdated, [
      ...w.open.map(([x]) => x),
      ...w.gaps.execution,
    ]);
    const artifactCondition = q.condition(
      'Artifact',
      w.artifactId,
      w.artifactsUpdated,
      w.gaps.artifact,
    );
    const eventCondition =
      w.gaps.event.length === 0
        ? `id > ${w.eventId}`
        : `id > ${w.eventId} OR id IN (${idList(w.gaps.event)})`;
    const changedExecutions = `SELECT id FROM ${t('Execution')} WHERE ${executionCondition}`;
    const changedArtifacts = `SELECT id FROM ${t('Artifact')} WHERE ${artifactCondition}`;
    const rows = await streamTraceRows(
      store.source,
      traceSql(q.dialect, store.columns, {
        executionIds: changedExecutions,
        artifactIds: changedArtifacts,
        events: eventCondition,
      }),
      await store.typeNames(),
      store.role,
    );

    const scopes = await q.scopes();
    const opened = new Map(w.open);
    const stateChanges: ExecutionStateChange[] = [];
    const open: [number, number][] = [];
    for (const e of rows.executions) {
      const before = opened.get(e.id);
      if (before !== undefined && executionStateOf(before) !== e.state) {
        stateChanges.push({ execution: e.id, from: executionStateOf(before), to: e.state });
      }
      if (e.state === 'new' || e.state === 'running') open.push([e.id, OPEN_STATES[e.state]]);
    }
    return {
      ...rows,
      stateChanges,
      pipelines: await q.touchedPipelines(w, rows, scopes),
      joined: await q.joinedNodes(w, rows, scopes),
      watermark: await q.watermark(open, w),
    };
  });
}
