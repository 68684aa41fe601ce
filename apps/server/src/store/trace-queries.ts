/** Reading traces: summaries (filtered, sorted), payloads and graphlets. */
import type { DatabaseSync } from 'node:sqlite';
import type { TraceSortField, TraceSummary } from '@graphlet/contract';
import type { StoredGraphlet } from './imported-source.ts';
import { statement } from './statement.ts';

export const SORT_COLUMNS: Readonly<Record<TraceSortField, string>> = {
  pipeline: 't.pipeline',
  sourceName: 's.name',
  executions: 't.executions',
  artifacts: 't.artifacts',
  graphlets: 't.graphlets',
  failedGraphlets: 't.failed_graphlets',
  pushedShare: 't.pushed_share',
  lifespanDays: 't.lifespan_days',
  modelsPerDay: 't.models_per_day',
  computeSeconds: 't.compute_seconds',
};

export interface TraceFilter {
  readonly q?: string | undefined;
  readonly source?: string | undefined;
  readonly sort?: TraceSortField | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
}

export interface SummaryRow {
  id: string;
  pipeline: string;
  source_id: string;
  source_name: string;
  executions: number;
  artifacts: number;
  graphlets: number;
  failed_graphlets: number;
  pushed_share: number | null;
  lifespan_days: number | null;
  models_per_day: number | null;
  compute_seconds: number;
}

export const SUMMARY_SELECT = `SELECT t.id, t.pipeline, t.source_id, s.name AS source_name, t.executions, t.artifacts,
  t.graphlets, t.failed_graphlets, t.pushed_share, t.lifespan_days, t.models_per_day, t.compute_seconds
  FROM traces t JOIN sources s ON s.id = t.source_id`;

export function toSummary(r: SummaryRow): TraceSummary {
  return {
    id: r.id,
    pipeline: r.pipeline,
    sourceId: r.source_id,
    sourceName: r.source_name,
    executions: r.executions,
    artifacts: r.artifacts,
    graphlets: r.graphlets,
    failedGraphlets: r.failed_graphlets,
    pushedShare: r.pushed_share,
    lifespanDays: r.lifespan_days,
    modelsPerDay: r.models_per_day,
    computeSeconds: r.compute_seconds,
  };
}

/** Trace summaries matching the filter; nulls sort last either way, ties by source and ordinal. */
export function listTraces(db: DatabaseSync, filter: TraceFilter = {}): TraceSummary[] {
  const column = SORT_COLUMNS[filter.sort ?? 'pipeline'];
  const order = filter.order === 'desc' ? 'DESC' : 'ASC';
  const sql = `${SUMMARY_SELECT}
    WHERE (:q IS NULL OR instr(lower(t.pipeline), lower(:q)) > 0)
      AND (:source IS NULL OR t.source_id = :source)
    ORDER BY ${column} IS NULL, ${column} ${order}, s.created, t.source_id, t.ordinal`;
  const rows = statement(db, sql).all({
    q: filter.q ?? null,
    source: filter.source ?? null,
  }) as unknown as SummaryRow[];
  return rows.map(toSummary);
}

/** One trace's summary, or undefined. */
export function getTraceSummary(db: DatabaseSync, id: string): TraceSummary | undefined {
  const row = statement(db, `${SUMMARY_SELECT} WHERE t.id = ?`).get(id) as SummaryRow | undefined;
  return row === undefined ? undefined : toSummary(row);
}

/** The stored Trace JSON text of a trace, or undefined. */
export function getTracePayload(db: DatabaseSync, id: string): string | undefined {
  const row = statement(db, 'SELECT trace FROM trace_payloads WHERE trace_id = ?').get(id) as
    | { trace: string }
    | undefined;
  return row?.trace;
}

/** What the corpus statistics see in a trace: undefined without the trace, null when not stored. */
export function getTraceStats(db: DatabaseSync, id: string): string | null | undefined {
  const row = statement(db, 'SELECT stats FROM trace_payloads WHERE trace_id = ?').get(id) as
    | { stats: string | null }
    | undefined;
  return row?.stats;
}

/** Stores what the corpus statistics see in a trace. */
export function putTraceStats(db: DatabaseSync, id: string, stats: string): void {
  statement(db, 'UPDATE trace_payloads SET stats = ? WHERE trace_id = ?').run(stats, id);
}

/** The stored trace endpoint JSON of a trace, gzipped: undefined without the trace, null when not computed. */
export function getTraceLayout(db: DatabaseSync, id: string): Uint8Array | null | undefined {
  const row = statement(db, 'SELECT layout_gzip FROM trace_payloads WHERE trace_id = ?').get(id) as
    | { layout_gzip: Uint8Array | null }
    | undefined;
  return row?.layout_gzip;
}

/** Whether a trace's layout is stored: undefined without the trace (reads no layout bytes). */
export function hasTraceLayout(db: DatabaseSync, id: string): boolean | undefined {
  const row = statement(
    db,
    'SELECT layout_gzip IS NOT NULL AS stored FROM trace_payloads WHERE trace_id = ?',
  ).get(id) as { stored: number } | undefined;
  return row === undefined ? undefined : row.stored === 1;
}

/** Stores the trace endpoint JSON of a trace, gzipped (laid out on its first request). */
export function putTraceLayout(db: DatabaseSync, id: string, gzipped: Uint8Array): void {
  statement(db, 'UPDATE trace_payloads SET layout_gzip = ? WHERE trace_id = ?').run(gzipped, id);
}

/** The note the segmenter left on a trace (e.g. no trainer), if any. */
export function getTraceNote(db: DatabaseSync, id: string): string | undefined {
  const row = statement(db, 'SELECT note FROM traces WHERE id = ?').get(id) as
    | { note: string | null }
    | undefined;
  return row?.note ?? undefined;
}

export interface GraphletRow {
  trainer: number;
  idx: number;
  pushed: number;
  failed: number;
  warm_start: number;
  start_ms: number | null;
  end_ms: number | null;
  executions: string;
  artifacts: string;
  spans: string;
  downstream: string;
  metrics: string;
}

/** A trace's graphlets in index order. */
export function listGraphlets(db: DatabaseSync, traceId: string): StoredGraphlet[] {
  const rows = statement(
    db,
    'SELECT * FROM graphlets WHERE trace_id = ? ORDER BY idx, trainer',
  ).all(traceId) as unknown as GraphletRow[];
  return rows.map(toGraphlet);
}

/** A graphlets row as the stored graphlet. */
export function toGraphlet(r: GraphletRow): StoredGraphlet {
  return {
    trainer: r.trainer,
    index: r.idx,
    failed: r.failed === 1,
    pushed: r.pushed === 1,
    warmStart: r.warm_start === 1,
    startMs: r.start_ms,
    endMs: r.end_ms,
    executions: JSON.parse(r.executions) as number[],
    artifacts: JSON.parse(r.artifacts) as number[],
    spans: JSON.parse(r.spans) as number[],
    downstream: JSON.parse(r.downstream) as number[],
    metrics: JSON.parse(r.metrics) as StoredGraphlet['metrics'],
  };
}

/** Every trace id, in source and ordinal order. */
export function listTraceIds(db: DatabaseSync): string[] {
  const rows = statement(
    db,
    'SELECT t.id FROM traces t JOIN sources s ON s.id = t.source_id ORDER BY s.created, t.source_id, t.ordinal',
  ).all() as unknown as { id: string }[];
  return rows.map((r) => r.id);
}
