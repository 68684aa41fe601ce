/**
 * The rows the store writes, as column lists and value tuples in one order, shared by the
 * SQLite and PostgreSQL writers (they differ only in placeholders and bulk insert).
 */
import type { StoredWasteModel } from '../waste/stored-waste-model.ts';
import type { ImportedSource, ImportedTrace, StoredGraphlet } from './imported-source.ts';

/** A value bound to a statement parameter. */
export type RowValue = string | number | null;

/** Columns of `sources`, in the order of sourceRow. */
export const SOURCE_COLUMNS = [
  'id',
  'name',
  'sha256',
  'size',
  'kind',
  'format',
  'schema_version',
  'job_id',
  'created',
] as const;

/** Columns of `traces` a trace's content sets (all but its id, source, ordinal and pipeline). */
export const TRACE_SUMMARY_COLUMNS = [
  'executions',
  'artifacts',
  'graphlets',
  'failed_graphlets',
  'pushed_share',
  'lifespan_days',
  'models_per_day',
  'compute_seconds',
  'note',
] as const;

/** Columns of `traces`, in the order of traceRow. */
export const TRACE_COLUMNS = [
  'id',
  'source_id',
  'ordinal',
  'pipeline',
  ...TRACE_SUMMARY_COLUMNS,
] as const;

/** Columns of `graphlets` after `trace_id`, in the order of graphletRow. */
export const GRAPHLET_COLUMNS = [
  'trainer',
  'idx',
  'pushed',
  'failed',
  'warm_start',
  'start_ms',
  'end_ms',
  'executions',
  'artifacts',
  'spans',
  'downstream',
  'metrics',
] as const;

/** Columns of `waste_models` (less PostgreSQL's generated `seq`), in the order of wasteModelRow. */
export const WASTE_MODEL_COLUMNS = [
  'id',
  'job_id',
  'created',
  'summary',
  'results',
  'test',
  'variants',
] as const;

/** The `sources` row of an imported source, created at `now`. */
export function sourceRow(source: Omit<ImportedSource, 'traces'>, now: Date): RowValue[] {
  return [
    source.id,
    source.name,
    source.sha256,
    source.size,
    source.kind,
    source.format ?? null,
    source.schemaVersion,
    source.jobId,
    now.toISOString(),
  ];
}

/** The `traces` row of a source's `ordinal`-th trace, whose id is `id`. */
export function traceRow(
  id: string,
  sourceId: string,
  ordinal: number,
  trace: ImportedTrace,
): RowValue[] {
  return [id, sourceId, ordinal, trace.pipeline, ...traceSummaryRow(trace)];
}

/** A trace's values of TRACE_SUMMARY_COLUMNS. */
export function traceSummaryRow(trace: ImportedTrace): RowValue[] {
  const s = trace.summary;
  return [
    s.executions,
    s.artifacts,
    s.graphlets,
    s.failedGraphlets,
    s.pushedShare,
    s.lifespanDays,
    s.modelsPerDay,
    s.computeSeconds,
    trace.note ?? null,
  ];
}

/** A graphlet's row after its `trace_id`: flags as 0/1, lists as JSON text. */
export function graphletRow(g: StoredGraphlet): RowValue[] {
  return [
    g.trainer,
    g.index,
    g.pushed ? 1 : 0,
    g.failed ? 1 : 0,
    g.warmStart ? 1 : 0,
    g.startMs,
    g.endMs,
    JSON.stringify(g.executions),
    JSON.stringify(g.artifacts),
    JSON.stringify(g.spans),
    JSON.stringify(g.downstream),
    JSON.stringify(g.metrics),
  ];
}

/** A waste model's row: its summary, results, test set and variants as JSON text. */
export function wasteModelRow(model: StoredWasteModel): RowValue[] {
  const { summary } = model;
  return [
    summary.id,
    summary.jobId,
    summary.created,
    JSON.stringify(summary),
    JSON.stringify(model.results),
    JSON.stringify(model.test),
    JSON.stringify(model.variants),
  ];
}

/** A stored waste model from its row's JSON columns. */
export function wasteModelFromRow(
  row: Readonly<Record<'summary' | 'results' | 'test' | 'variants', string>>,
): StoredWasteModel {
  return {
    summary: JSON.parse(row.summary),
    results: JSON.parse(row.results),
    test: JSON.parse(row.test),
    variants: JSON.parse(row.variants),
  } as StoredWasteModel;
}

/** `INSERT INTO table (columns) VALUES (...)` with `?` (SQLite) or `$n` (PostgreSQL) placeholders. */
export function insertSql(
  table: string,
  columns: readonly string[],
  placeholders: 'sqlite' | 'postgres',
): string {
  const values = columns.map((_, i) => (placeholders === 'sqlite' ? '?' : `$${i + 1}`));
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${values.join(', ')})`;
}
