/**
 * One pipeline's feature rows (§5 "Data"): everything the table needs from a pipeline, computed
 * from its trace and graphlets alone (a graphlet's features look back only at earlier graphlets
 * of its own pipeline), so pipelines can be featurised one at a time, on any thread.
 */
import type { Graphlet } from '../graphlet.ts';
import type { Trace } from '../trace.ts';
import { type FeatureOptions, featureDefinitions } from './feature-definitions.ts';
import { orderGraphlets, STAGE_COSTS, writePipelineFeatures } from './graphlet-features.ts';

/** A kept pipeline's rows, in run order (plain typed arrays: cheap to send between threads). */
export interface PipelineRows {
  readonly kind: 'rows';
  readonly pipeline: string;
  readonly nRows: number;
  /** Row-major, nRows x feature count; NaN when missing. */
  readonly values: Float64Array;
  /** STAGE_COSTS numbers per row. */
  readonly stageCosts: Float64Array;
  readonly trainer: Float64Array;
  readonly pushed: Uint8Array;
  /** Graphlets of failed trainers left out: no model, so no label (docs/waste.md). */
  readonly failedGraphlets: number;
}

/**
 * A pipeline left out of the table: it warm-starts (§5, `graphlets` counts all its graphlets), or
 * it has no graphlet of a completed trainer (`failedGraphlets` counts its failed ones).
 */
export interface ExcludedPipeline {
  readonly kind: 'warm-start' | 'no-graphlets';
  readonly pipeline: string;
  readonly graphlets: number;
  readonly failedGraphlets: number;
}

export type PipelineFeatureRows = PipelineRows | ExcludedPipeline;

/**
 * The feature rows of one pipeline, or why it is left out. Graphlets of failed trainers get no
 * row (they made no model, so they are no push decision) and are no one's predecessor.
 * @example pipelineFeatureRows(trace, segmentGraphlets(trace).graphlets, resolveFeatureOptions())
 */
export function pipelineFeatureRows(
  trace: Trace,
  graphlets: readonly Graphlet[],
  options: FeatureOptions,
): PipelineFeatureRows {
  const pipeline = trace.pipeline;
  if (graphlets.some((g) => g.warmStart)) {
    return { kind: 'warm-start', pipeline, graphlets: graphlets.length, failedGraphlets: 0 };
  }
  const completed = graphlets.filter((g) => !g.failed);
  const failedGraphlets = graphlets.length - completed.length;
  if (completed.length === 0)
    return { kind: 'no-graphlets', pipeline, graphlets: 0, failedGraphlets };
  const ordered = orderGraphlets(completed);
  const n = ordered.length;
  const values = new Float64Array(n * featureDefinitions(options).length);
  const stageCosts = new Float64Array(n * STAGE_COSTS);
  writePipelineFeatures(trace, ordered, options, values, stageCosts, 0);
  const trainer = new Float64Array(n);
  const pushed = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    trainer[i] = ordered[i]!.trainer;
    pushed[i] = ordered[i]!.pushed ? 1 : 0;
  }
  return { kind: 'rows', pipeline, nRows: n, values, stageCosts, trainer, pushed, failedGraphlets };
}
