/** The statistics document of a set of stored traces, as the stats route answers it (JSON text). */
import type { DatabaseSync } from 'node:sqlite';
import { createStatsAccumulator, PAPER_CLAIMS, PAPER_TARGETS, type Trace } from '@graphlet/core';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import { getTracePayload, listGraphlets, listTraceIds } from '../store/trace-queries.ts';

/** Thrown for a trace id the store lacks. */
export class MissingTraceError extends Error {}

/** Statistics of `ids` (every trace when undefined) with the paper's numbers, as JSON text. */
export function corpusStatisticsJson(db: DatabaseSync, ids: readonly string[] | undefined): string {
  const accumulator = createStatsAccumulator();
  for (const id of ids ?? listTraceIds(db)) {
    const payload = getTracePayload(db, id);
    if (payload === undefined) throw new MissingTraceError(id);
    accumulator.add(JSON.parse(payload) as Trace, listGraphlets(db, id).map(toCoreGraphlet));
  }
  return JSON.stringify({
    ...accumulator.finish(),
    paper: PAPER_TARGETS,
    paperClaims: PAPER_CLAIMS,
  });
}
