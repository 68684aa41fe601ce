/** The statistics document of a set of stored traces, as the stats route answers it (JSON text). */
import {
  createStatsAccumulator,
  PAPER_CLAIMS,
  PAPER_TARGETS,
  pipelineStatsState,
  STATS_STATE_VERSION,
  type StatsState,
  type Trace,
} from '@graphlet/core';
import { z } from 'zod';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import type { Store } from '../store/store.ts';

/** The results-cache key of the statistics of `ids` (sorted, unique), or of every trace (null). */
export const statsKey = (ids: readonly string[] | null): string =>
  `stats:v2:${ids === null ? '*' : ids.join(',')}`;

/** The outline of a saved part: its version and one object per collector (core checks the set). */
const statsStateSchema = z.object({
  version: z.number().int(),
  parts: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** Thrown for a trace id the store lacks. */
export class MissingTraceError extends Error {}

/**
 * Statistics of `ids` (every trace when undefined) with the paper's numbers, as JSON text. Each
 * trace's part is what was saved beside it when it was stored (ImportedTrace.stats), merged; a
 * trace without one (stored before they were, or under another version) is read and measured,
 * and its part saved for the next time.
 */
export async function corpusStatisticsJson(
  store: Store,
  ids: readonly string[] | undefined,
): Promise<string> {
  const accumulator = createStatsAccumulator();
  for (const id of ids ?? (await store.listTraceIds())) {
    const saved = await store.getTraceStats(id);
    if (saved === undefined) throw new MissingTraceError(id);
    const state = saved === null ? undefined : savedState(saved);
    accumulator.merge(state ?? (await measureAgain(store, id)));
  }
  return JSON.stringify({
    ...accumulator.finish(),
    paper: PAPER_TARGETS,
    paperClaims: PAPER_CLAIMS,
  });
}

/** A trace's saved part, unless it is of another version or shape (then it is measured again). */
function savedState(json: string): StatsState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const parsed = statsStateSchema.safeParse(value);
  return parsed.success && parsed.data.version === STATS_STATE_VERSION ? parsed.data : undefined;
}

/** Reads a stored trace, measures it as the statistics see it, and saves that beside it. */
async function measureAgain(store: Store, id: string): Promise<StatsState> {
  const payload = await store.getTracePayload(id);
  if (payload === undefined) throw new MissingTraceError(id);
  const graphlets = await store.listGraphlets(id);
  const state = pipelineStatsState(JSON.parse(payload) as Trace, graphlets.map(toCoreGraphlet));
  await store.putTraceStats(id, JSON.stringify(state));
  return state;
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
