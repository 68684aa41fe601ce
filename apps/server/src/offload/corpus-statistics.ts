/** The statistics document of a set of stored traces, as the stats route answers it (JSON text). */
import { createStatsAccumulator, PAPER_CLAIMS, PAPER_TARGETS, type Trace } from '@graphlet/core';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import type { Store } from '../store/store.ts';

/** Thrown for a trace id the store lacks. */
export class MissingTraceError extends Error {}

/** Statistics of `ids` (every trace when undefined) with the paper's numbers, as JSON text. */
export async function corpusStatisticsJson(
  store: Store,
  ids: readonly string[] | undefined,
): Promise<string> {
  const accumulator = createStatsAccumulator();
  for (const id of ids ?? (await store.listTraceIds())) {
    const payload = await store.getTracePayload(id);
    if (payload === undefined) throw new MissingTraceError(id);
    const graphlets = await store.listGraphlets(id);
    accumulator.add(JSON.parse(payload) as Trace, graphlets.map(toCoreGraphlet));
  }
  return JSON.stringify({
    ...accumulator.finish(),
    paper: PAPER_TARGETS,
    paperClaims: PAPER_CLAIMS,
  });
}
