/** The cheap pre-check of a training request: counts from the graphlets table, no trace parsed. */
import type { DatabaseSync } from 'node:sqlite';
import type { TrainableCounts } from '@graphlet/waste';
import { statement } from '../store/statement.ts';

/** One trace's graphlet counts: all, completed (not failed), pushed, and 1 when warm-started. */
export interface TraceGraphletCounts {
  readonly n: number;
  readonly completed: number;
  readonly pushed: number;
  readonly warm: number;
}

/**
 * Rows, pipelines and pushed graphlets the feature table of these traces will hold (§5 exclusions
 * applied; failed trainers get no row, docs/waste.md).
 */
export function trainableCounts(db: DatabaseSync, traceIds: readonly string[]): TrainableCounts {
  const count = statement(
    db,
    `SELECT COUNT(*) AS n, COUNT(*) - COALESCE(SUM(failed), 0) AS completed,
      COALESCE(SUM(pushed), 0) AS pushed, COALESCE(MAX(warm_start), 0) AS warm
     FROM graphlets WHERE trace_id = ?`,
  );
  return countTrainable(traceIds.map((id) => count.get(id) as unknown as TraceGraphletCounts));
}

/** Sums per-trace counts (undefined: a trace without graphlets) into what training would use. */
export function countTrainable(
  traces: readonly (TraceGraphletCounts | undefined)[],
): TrainableCounts {
  let rows = 0;
  let pipelines = 0;
  let pushed = 0;
  let warmStartPipelines = 0;
  let warmStartGraphlets = 0;
  for (const c of traces) {
    if (c === undefined || c.n === 0) continue;
    if (c.warm === 1) {
      warmStartPipelines++;
      warmStartGraphlets += c.n;
      continue;
    }
    if (c.completed === 0) continue;
    rows += c.completed;
    pipelines++;
    pushed += c.pushed;
  }
  return { rows, pipelines, pushed, warmStartPipelines, warmStartGraphlets };
}
