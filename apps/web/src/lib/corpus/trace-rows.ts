/** Rows of the corpus table: summaries joined with source names, filtered and sorted by URL state. */
import type { Source, TraceSummary } from '../../api/schemas.ts';
import type { TraceColumn } from '../url-state.ts';

export interface TraceRow {
  readonly id: string;
  readonly pipeline: string;
  readonly sourceId: string;
  readonly source: string;
  readonly executions: number;
  readonly artifacts: number;
  readonly graphlets: number;
  /** Graphlets of failed trainers (no model, no push decision). */
  readonly failedGraphlets: number;
  readonly pushedShare: number | undefined;
  /** Days between the oldest and newest timestamp. */
  readonly lifespan: number | undefined;
  readonly modelsPerDay: number | undefined;
  /** CPU hours. */
  readonly compute: number | undefined;
}

/** One row per trace, with the source's display name. */
export function traceRows(traces: readonly TraceSummary[], sources: readonly Source[]): TraceRow[] {
  const names = new Map(sources.map((s) => [s.id, s.name]));
  return traces.map((t) => ({
    id: t.id,
    pipeline: t.pipeline,
    sourceId: t.sourceId,
    source: t.sourceName || (names.get(t.sourceId) ?? `source ${t.sourceId}`),
    executions: t.executions,
    artifacts: t.artifacts,
    graphlets: t.graphlets,
    failedGraphlets: t.failedGraphlets,
    pushedShare: t.pushedShare ?? undefined,
    lifespan: t.lifespanDays ?? undefined,
    modelsPerDay: t.modelsPerDay ?? undefined,
    compute: t.computeSeconds / 3600,
  }));
}

/** Rows whose pipeline or source contains `query` (case-insensitive), from `sourceId` when set. */
export function filterRows(rows: readonly TraceRow[], query: string, sourceId: string): TraceRow[] {
  const q = query.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (sourceId === '' || r.sourceId === sourceId) &&
      (q === '' || r.pipeline.toLowerCase().includes(q) || r.source.toLowerCase().includes(q)),
  );
}

/** Rows sorted by `column`; unknown values last in either direction; ties by pipeline then id. */
export function sortRows(
  rows: readonly TraceRow[],
  column: TraceColumn,
  dir: 'asc' | 'desc',
): TraceRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1;
    } else if (x !== y) {
      const order =
        typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y)) : x - y;
      return order * sign;
    }
    return a.pipeline.localeCompare(b.pipeline) || a.id.localeCompare(b.id);
  });
}
