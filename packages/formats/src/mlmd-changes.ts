/**
 * Incremental reading of an MLMD store, the primitive a live sync polls with: a watermark (the
 * largest ids seen, the latest `last_update_time_since_epoch` seen, the executions still NEW or
 * RUNNING) and what changed since it: new and updated executions and artifacts, new events,
 * state changes of open executions, and the pipelines they touch. Each read is one snapshot.
 */
import type { Artifact, Execution, ExecutionId, ExecutionState, TraceEvent } from '@graphlet/core';
import { z } from 'zod';
import { executionStateOf } from './mlmd-codes.ts';
import { idList, type SqlDialect, sqlDialect } from './mlmd-dialect.ts';
import { streamTraceRows, type TraceRows } from './mlmd-rows.ts';
import { traceSql } from './mlmd-trace-queries.ts';
import { readPipelineScopes } from './pipeline-scopes.ts';
import { DEFAULT_PIPELINE, type MlmdStore } from './read-mlmd-source.ts';
import { allRows, inSnapshot } from './row-source.ts';

const id = z.number().int().nonnegative();

/** Where the last read of a store stopped; JSON-safe, validated when read back. */
export const mlmdWatermarkSchema = z.object({
  executionId: id,
  artifactId: id,
  eventId: id,
  contextId: id,
  associationId: id,
  attributionId: id,
  /** Latest last_update_time_since_epoch of executions, and the ids updated at exactly it. */
  executionsUpdated: z.object({ ms: z.number().int(), ids: z.array(id) }),
  /** Latest last_update_time_since_epoch of artifacts, and the ids updated at exactly it. */
  artifactsUpdated: z.object({ ms: z.number().int(), ids: z.array(id) }),
  /** Executions NEW or RUNNING at the last read, with their MLMD state code. */
  open: z.array(z.tuple([id, z.number().int()])),
  /**
   * Ids missing below the largest seen: a transaction that took them may commit later (MLMD's
   * writers run concurrently). Re-checked on every read; the most recent GAP_LIMIT are kept.
   */
  gaps: z.object({ execution: z.array(id), artifact: z.array(id), event: z.array(id) }),
});

/** Where the last read of a store stopped. */
export type MlmdWatermark = z.infer<typeof mlmdWatermarkSchema>;

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
  /** The watermark to pass next time. */
  readonly watermark: MlmdWatermark;
}

const NEW = 1;
const RUNNING = 2;
/** Gaps kept per table. */
const GAP_LIMIT = 1000;
/** How far below the largest id a first watermark looks for gaps. */
const GAP_WINDOW = 10_000;

/** The watermark of the store as it is now (take it before a first full read). */
export function readWatermark(store: MlmdStore): Promise<MlmdWatermark> {
  return inSnapshot(store.source, async () => {
    const q = new ChangeQueries(store);
    const open = store.columns.get('Execution')?.has('last_known_state')
      ? await q.pairs(
          `SELECT id, last_known_state FROM ${q.t('Execution')} WHERE last_known_state IN (${NEW}, ${RUNNING})`,
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

    const opened = new Map(w.open);
    const stateChanges: ExecutionStateChange[] = [];
    const open: [number, number][] = [];
    for (const e of rows.executions) {
      const before = opened.get(e.id);
      if (before !== undefined && executionStateOf(before) !== e.state) {
        stateChanges.push({ execution: e.id, from: executionStateOf(before), to: e.state });
      }
      if (e.state === 'new' || e.state === 'running')
        open.push([e.id, e.state === 'new' ? NEW : RUNNING]);
    }
    return {
      ...rows,
      stateChanges,
      pipelines: await q.touchedPipelines(w, rows),
      watermark: await q.watermark(open, w),
    };
  });
}

/** The SQL of change reads on one store. */
class ChangeQueries {
  readonly dialect: SqlDialect;
  readonly t: (name: string) => string;
  private readonly store: MlmdStore;

  constructor(store: MlmdStore) {
    this.store = store;
    this.dialect = sqlDialect(store.dialect);
    this.t = this.dialect.table;
  }

  private has(table: string, column?: string): boolean {
    const columns = this.store.columns.get(table);
    return columns !== undefined && (column === undefined || columns.has(column));
  }

  /** Rows of `table` that are new, updated at or after the mark (not yet seen), or listed. */
  condition(
    table: 'Execution' | 'Artifact',
    maxId: number,
    updated: MlmdWatermark['executionsUpdated'],
    also: readonly number[],
  ): string {
    const parts = [`id > ${maxId}`];
    if (this.has(table, 'last_update_time_since_epoch')) {
      const seen = updated.ids.length === 0 ? '' : ` AND id NOT IN (${idList(updated.ids)})`;
      parts.push(
        `(last_update_time_since_epoch > ${updated.ms} OR (last_update_time_since_epoch = ${updated.ms}${seen}))`,
      );
    }
    if (also.length > 0) parts.push(`id IN (${idList(also)})`);
    return parts.join(' OR ');
  }

  async pairs(sql: string): Promise<[number, number][]> {
    return (await allRows(this.store.source, sql)).map((r) => [Number(r[0]), Number(r[1])]);
  }

  private async max(table: string): Promise<number> {
    if (!this.has(table)) return 0;
    const [row] = await allRows(this.store.source, `SELECT MAX(id) FROM ${this.t(table)}`);
    return Number(row?.[0] ?? 0);
  }

  private async updated(table: 'Execution' | 'Artifact') {
    if (!this.has(table, 'last_update_time_since_epoch')) return { ms: 0, ids: [] };
    const [row] = await allRows(
      this.store.source,
      `SELECT MAX(last_update_time_since_epoch) FROM ${this.t(table)}`,
    );
    const ms = Number(row?.[0] ?? 0);
    const ids = (
      await allRows(
        this.store.source,
        `SELECT id FROM ${this.t(table)} WHERE last_update_time_since_epoch = ${ms} ORDER BY id`,
      )
    ).map((r) => Number(r[0]));
    return { ms, ids };
  }

  /** Ids missing from `table` in (after, upTo], plus `earlier` gaps still missing; most recent kept. */
  private async gaps(
    table: string,
    earlier: readonly number[],
    after: number,
    upTo: number,
  ): Promise<number[]> {
    const t = this.t(table);
    const gaps: number[] = [];
    if (earlier.length > 0) {
      const found = new Set(
        (await this.rows(`SELECT id FROM ${t} WHERE id IN (${idList(earlier)})`)).map((r) =>
          Number(r[0]),
        ),
      );
      for (const x of earlier) if (!found.has(x)) gaps.push(x);
    }
    let next = after + 1;
    for await (const batch of this.store.source.rows(
      `SELECT id FROM ${t} WHERE id > ${after} AND id <= ${upTo} ORDER BY id`,
    )) {
      for (const [raw] of batch) {
        const x = Number(raw);
        for (; next < x; next++) gaps.push(next);
        next = x + 1;
      }
    }
    return gaps.slice(-GAP_LIMIT);
  }

  async watermark(
    open: readonly [number, number][],
    previous: MlmdWatermark | undefined,
  ): Promise<MlmdWatermark> {
    const maxima = {
      executionId: await this.max('Execution'),
      artifactId: await this.max('Artifact'),
      eventId: await this.max('Event'),
    };
    const gapsOf = (table: string, key: keyof typeof maxima, earlier: readonly number[]) =>
      this.gaps(
        table,
        earlier,
        previous === undefined ? Math.max(0, maxima[key] - GAP_WINDOW) : previous[key],
        maxima[key],
      );
    return {
      ...maxima,
      contextId: await this.max('Context'),
      associationId: await this.max('Association'),
      attributionId: await this.max('Attribution'),
      executionsUpdated: await this.updated('Execution'),
      artifactsUpdated: await this.updated('Artifact'),
      open: [...open].sort((a, b) => a[0] - b[0]),
      gaps: {
        execution: await gapsOf('Execution', 'executionId', previous?.gaps.execution ?? []),
        artifact: await gapsOf('Artifact', 'artifactId', previous?.gaps.artifact ?? []),
        event: await gapsOf('Event', 'eventId', previous?.gaps.event ?? []),
      },
    };
  }

  /**
   * Pipelines holding a changed execution (or an execution of a new event or association, or one
   * using a changed artifact), a changed artifact, or a new attribution. Ids are gathered first
   * and looked up in chunks: changes are few, and index lookups beat semi-joins on large stores.
   */
  async touchedPipelines(w: MlmdWatermark, rows: TraceRows): Promise<string[]> {
    const t = this.t;
    const scopes = await readPipelineScopes(this.store.source, this.store.columns);
    const executions = new Set<number>(rows.executions.map((e) => e.id));
    const artifacts = new Set<number>(rows.artifacts.map((a) => a.id));
    for (const e of rows.events) {
      executions.add(e.execution);
      artifacts.add(e.artifact);
    }
    const changedArtifacts = rows.artifacts.map((a) => a.id as number);
    for (const chunk of chunks(changedArtifacts)) {
      for (const [x] of await this.rows(
        `SELECT execution_id FROM ${t('Event')} WHERE artifact_id IN (${idList(chunk)})`,
      )) {
        executions.add(Number(x));
      }
    }
    const contexts = new Set<number>();
    // Each touched execution's contexts; an execution in no pipeline context is an orphan.
    const contextsOf = new Map<number, number[]>();
    if (this.has('Association')) {
      for (const [x] of await this.rows(
        `SELECT execution_id FROM ${t('Association')} WHERE id > ${w.associationId}`,
      )) {
        executions.add(Number(x));
      }
      for (const chunk of chunks([...executions])) {
        for (const [x, c] of await this.rows(
          `SELECT execution_id, context_id FROM ${t('Association')} WHERE execution_id IN (${idList(chunk)})`,
        )) {
          contexts.add(Number(c));
          const list = contextsOf.get(Number(x));
          if (list === undefined) contextsOf.set(Number(x), [Number(c)]);
          else list.push(Number(c));
        }
      }
    }
    if (this.has('Attribution')) {
      for (const [c] of await this.rows(
        `SELECT context_id FROM ${t('Attribution')} WHERE id > ${w.attributionId}`,
      )) {
        contexts.add(Number(c));
      }
      for (const chunk of chunks([...artifacts])) {
        for (const [c] of await this.rows(
          `SELECT context_id FROM ${t('Attribution')} WHERE artifact_id IN (${idList(chunk)})`,
        )) {
          contexts.add(Number(c));
        }
      }
    }
    const names = new Set<string>();
    const inScope = new Set<number>();
    for (const scope of scopes) {
      for (const c of scope.contextIds) inScope.add(c);
      if (scope.contextIds.some((c) => contexts.has(c))) names.add(scope.name);
    }
    for (const x of executions) {
      if (!(contextsOf.get(x) ?? []).some((c) => inScope.has(c))) {
        names.add(DEFAULT_PIPELINE);
        break;
      }
    }
    return [...names].sort(byBytes);
  }

  private rows(sql: string) {
    return allRows(this.store.source, sql);
  }
}

/** Ids in chunks small enough for one IN list. */
function chunks(ids: readonly number[], size = 1000): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Orders names as the stores do (byte-wise), `default` after every pipeline. */
function byBytes(a: string, b: string): number {
  if (a === DEFAULT_PIPELINE) return 1;
  if (b === DEFAULT_PIPELINE) return -1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
