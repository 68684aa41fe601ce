/**
 * One graphlet's detail as the Graphlet page shows it, without the waste model's push
 * probability (which needs the server's models): built on the main thread for a loaded trace, or
 * on a task worker for a large trace that is not.
 */
import type { GraphletDetail } from '@graphlet/contract';
import { executionId, graphletFeatureRecord, pushOutcome, traceView } from '@graphlet/core';
import type { LoadedTrace } from '../cache/trace-entries.ts';
import { toCoreGraphlet } from '../import/core-graphlet.ts';
import { graphletDetailMetrics } from './graphlet-detail-metrics.ts';

/** The detail without the prediction fields. */
export type GraphletDetailBody = Omit<GraphletDetail, 'pushProbability' | 'pushPrediction'>;

/** The detail of the graphlet of `trainer`, or undefined when the trace has none. */
export function graphletDetailBody(
  loaded: LoadedTrace,
  trainer: number,
  view = traceView(loaded.trace),
): GraphletDetailBody | undefined {
  const at = loaded.graphlets.findIndex((g) => g.trainer === trainer);
  const graphlet = loaded.graphlets[at];
  if (graphlet === undefined) return undefined;
  const members = new Set<string>([
    ...graphlet.executions.map((e) => `e${e}`),
    ...graphlet.artifacts.map((a) => `a${a}`),
  ]);
  const record = graphletFeatureRecord(
    loaded.trace,
    loaded.graphlets.map(toCoreGraphlet),
    executionId(trainer),
  );
  const outcome = pushOutcome(loaded.trace, toCoreGraphlet(graphlet));
  return {
    graphlet,
    nodes: loaded.layout.nodes.filter((n) => members.has(n.id)),
    edges: loaded.layout.edges.filter((e) => members.has(e.source) && members.has(e.target)),
    features: Object.fromEntries(
      Object.entries(record).map(([name, value]) => [name, Number.isNaN(value) ? null : value]),
    ),
    previous: loaded.graphlets[at - 1]?.trainer ?? null,
    next: loaded.graphlets[at + 1]?.trainer ?? null,
    ...graphletDetailMetrics(loaded, view, at),
    // Why the graphlet was or was not pushed, nulls for unrecorded blessings.
    pushOutcome: {
      ...outcome,
      blessings: outcome.blessings.map((b) => ({ ...b, blessed: b.blessed ?? null })),
      pushers: [...outcome.pushers],
    },
  };
}

/** The feature record of a detail (null back to NaN, as the waste models score it). */
export const featureRecordOf = (body: GraphletDetailBody): Record<string, number> =>
  Object.fromEntries(
    Object.entries(body.features).map(([name, value]) => [name, value ?? Number.NaN]),
  );
