/**
 * The statistics document for the corpus or a set of traces, cached per set until sources change,
 * with the paper's stated numbers and claims (`paper`, `paperClaims`) for reference lines.
 */
import { StatsQuerySchema } from '@graphlet/contract';
import { getStatsRoute } from '@graphlet/contract/routes';
import { createStatsAccumulator, PAPER_CLAIMS, PAPER_TARGETS, type Trace } from '@graphlet/core';
import { apiError } from '../http/api-error.ts';
import { createRouter, validationError } from '../http/router.ts';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import type { Services } from '../services.ts';
import { getResult, putResult } from '../store/results-cache.ts';
import { getTracePayload, listGraphlets, listTraceIds } from '../store/trace-queries.ts';

/** The stats route. */
export function statsRoutes(services: Services) {
  const app = createRouter();
  // Documented from the contract; answered as cached JSON text, which the typed route cannot express.
  app.openAPIRegistry.registerPath(getStatsRoute);
  app.get('/stats', (c) => {
    const query = StatsQuerySchema.safeParse(c.req.query());
    if (!query.success) throw validationError(query.error);
    const { traces } = query.data;
    const ids = traces === undefined ? undefined : [...new Set(traces.split(','))].sort();
    const key = `stats:v2:${ids === undefined ? '*' : ids.join(',')}`;
    let json = getResult(services.db, key);
    if (json === undefined) {
      const stats = statistics(services, ids ?? listTraceIds(services.db));
      json = JSON.stringify({ ...stats, paper: PAPER_TARGETS, paperClaims: PAPER_CLAIMS });
      putResult(services.db, key, json, services.config.statsCacheBytes);
    }
    return c.body(json, 200, { 'content-type': 'application/json' });
  });
  return app;
}

function statistics(services: Services, ids: readonly string[]) {
  const accumulator = createStatsAccumulator();
  for (const id of ids) {
    const payload = getTracePayload(services.db, id);
    if (payload === undefined)
      throw apiError(404, 'not_found', `stats: no trace with id "${id}"; list them at /api/traces`);
    accumulator.add(
      JSON.parse(payload) as Trace,
      listGraphlets(services.db, id).map(toCoreGraphlet),
    );
  }
  return accumulator.finish();
}
