/**
 * The Graphlet page's metrics of one graphlet, computed with core's statistics helpers: input
 * spans with span numbers, similarity and code match with the previous graphlet, compute by
 * operator group, model type. Null wherever the store lacks the metadata, never a guess.
 */
import type { ComputeByGroup, GraphletDetail } from '@graphlet/contract';
import {
  codeMatch,
  costWithSource,
  datasetSimilarity,
  type Graphlet,
  modelTypeOf,
  OPERATOR_GROUPS,
  operatorGroup,
  propertyOf,
  SPAN,
  spanJaccard,
  type TraceView,
} from '@graphlet/core';
import type { LoadedTrace } from '../cache/trace-entries.ts';
import { toCoreGraphlet } from '../import/core-graphlet.ts';

type DetailMetrics = Pick<
  GraphletDetail,
  'inputSpans' | 'jaccard' | 'datasetSimilarity' | 'codeMatch' | 'computeByGroup' | 'modelType'
>;

/** The detail metrics of the graphlet at `at` in the loaded trace, compared with the one before. */
export function graphletDetailMetrics(
  loaded: LoadedTrace,
  view: TraceView,
  at: number,
): DetailMetrics {
  const stored = loaded.graphlets[at];
  if (stored === undefined) throw new Error(`graphlets: no graphlet at index ${at}`);
  const graphlet = toCoreGraphlet(stored);
  const before = loaded.graphlets[at - 1];
  const previous = before === undefined ? undefined : toCoreGraphlet(before);
  return {
    inputSpans: inputSpans(view, graphlet),
    jaccard: previous === undefined ? null : (spanJaccard(previous, graphlet) ?? null),
    datasetSimilarity:
      previous === undefined ? null : (datasetSimilarity(view, previous, graphlet) ?? null),
    codeMatch: previous === undefined ? null : (codeMatch(view, previous, graphlet) ?? null),
    computeByGroup: computeByGroup(view, graphlet),
    modelType: modelTypeOf(view, graphlet) ?? null,
  };
}

/** Spans in span-number order; the number is null when the artifact records no numeric `span`. */
function inputSpans(view: TraceView, graphlet: Graphlet): DetailMetrics['inputSpans'] {
  return view.orderedSpans(graphlet).map((id) => {
    const artifact = view.artifact(id);
    const raw = artifact === undefined ? undefined : propertyOf(artifact, SPAN);
    // spanNumber falls back to the artifact id; only a recorded numeric span is reported.
    const recorded =
      (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) &&
      Number.isFinite(Number(raw));
    return { id, span: recorded ? view.spanNumber(id) : null };
  });
}

/**
 * CPU seconds per operator group (core's executionCost: cached 0, recorded `cpu_seconds`, else
 * wall-clock). A group with an execution of unknown cost is null rather than an undercount.
 */
function computeByGroup(view: TraceView, graphlet: Graphlet): ComputeByGroup {
  const seconds = Object.fromEntries(OPERATOR_GROUPS.map((g) => [g, 0])) as Record<
    keyof ComputeByGroup,
    number | null
  >;
  for (const id of graphlet.executions) {
    const execution = view.execution(id);
    if (execution === undefined) continue;
    const group = operatorGroup(execution.role);
    const cost = costWithSource(execution);
    const sum = seconds[group];
    seconds[group] = cost.source === 'unknown' || sum === null ? null : sum + cost.seconds;
  }
  return seconds;
}
