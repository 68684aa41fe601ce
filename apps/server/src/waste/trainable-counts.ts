/** The cheap pre-check of a training request: counts from the graphlets table, no trace parsed. */
import type { DatabaseSync } from 'node:sqlite';
import type { TrainableCounts } from '@graphlet/waste';
import { statement } from '../store/statement.ts';

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
  let rows = 0;
  let pipelines = 0;
  let pushed = 0;
  let warmStartPipelines = 0;
  let warmStartGraphlets = 0;
  for (const id of traceIds) {
    const c = count.get(id) as { n: number; completed: number; pushed: number; warm: number };
    if (c.n === 0) continue;
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
