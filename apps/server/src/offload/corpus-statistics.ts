/** The statistics document of a set of stored traces, as the stats route answers it (JSON text). */
import { createStatsAccumulator, PAPER_CLAIMS, PAPER_TARGETS, type Trace } from '@graphlet/core';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import type { Store } from '../store/store.ts';

/** The results-cache key of the statistics of `ids` (sorted, unique), or of every trace (null). */
export const statsKey = (ids: readonly string[] | null): string =>
  `stats:v2:${ids === null ? '*' : ids.join(',')}`;

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

/**
 * Computes the statistics of every trace and caches them (what `GET /api/stats` answers), so
 * the Figures page is warm after an import; their size in bytes. Traces added or removed
 * meanwhile (another import) make the answer stale: then the cache is dropped again.
 */
export async function warmCorpusStatistics(store: Store, limitBytes: number): Promise<number> {
  let json = '';
  await unlessTracesChanged(store, async () => {
    json = await corpusStatisticsJson(store, await store.listTraceIds());
    await store.putResult(statsKey(null), json, limitBytes);
  });
  return Buffer.byteLength(json);
}

/**
 * Runs `cache` (which caches answers about every trace), then drops the results cache again if
 * traces were added or removed meanwhile, rather than leave a stale answer.
 */
export async function unlessTracesChanged(store: Store, cache: () => Promise<unknown>) {
  const before = await store.listTraceIds();
  await cache();
  const after = await store.listTraceIds();
  if (after.length !== before.length || after.some((id, i) => id !== before[i]))
    await store.clearResults();
}
