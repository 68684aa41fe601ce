/**
 * The waste feature table (§5 "Data"), built pipeline by pipeline into growable typed arrays:
 * a row-major Float64Array of features (as @graphlet/forest reads it) and per-row metadata.
 * Pipelines with any warm-starting graphlet are left out, as the paper filters them (§5).
 */
import type { Graphlet } from '../graphlet.ts';
import type { Trace } from '../trace.ts';
import {
  type FeatureDefinition,
  type FeatureOptions,
  featureDefinitions,
  resolveFeatureOptions,
} from './feature-definitions.ts';
import { orderGraphlets, STAGE_COSTS, writePipelineFeatures } from './graphlet-features.ts';

/** The features of every graphlet of the non-warm-starting pipelines. */
export interface WasteFeatureTable {
  readonly options: FeatureOptions;
  readonly features: readonly FeatureDefinition[];
  readonly nRows: number;
  readonly nFeatures: number;
  /** Row-major: feature f of row r is values[r * nFeatures + f]; NaN when missing. */
  readonly values: Float64Array;
  /** Names of the kept pipelines, in the order they were added (names may repeat across files). */
  readonly pipelines: readonly string[];
  /** Per row: index into `pipelines`. */
  readonly pipeline: Int32Array;
  /** Per row: the trainer execution id identifying the graphlet. */
  readonly trainer: Float64Array;
  /** Per row: 1 when the graphlet pushed a model (Graphlet.pushed), the label. */
  readonly pushed: Uint8Array;
  /** Per row: compute cost in CPU seconds, executionCost summed over the graphlet's executions. */
  readonly cost: Float64Array;
  /** STAGE_COSTS per row: CPU seconds of ingestion, pre-trainer (with ingestion), trainer, post-trainer. */
  readonly stageCosts: Float64Array;
  /** What was left out: pipelines (and their graphlets) that warm-start, pipelines without graphlets. */
  readonly excluded: {
    readonly warmStartPipelines: number;
    readonly warmStartGraphlets: number;
    readonly pipelinesWithoutGraphlets: number;
  };
}

/** Adds pipelines one at a time; `finish` returns the table. */
export interface FeatureTableBuilder {
  readonly features: readonly FeatureDefinition[];
  /** Adds one pipeline's graphlets (in any order); returns the rows added (0 when excluded). */
  add(trace: Trace, graphlets: readonly Graphlet[]): number;
  finish(): WasteFeatureTable;
}

/**
 * Starts a feature table. Memory is the table itself (8 bytes per feature and row) plus at most
 * one doubling while growing; each trace can be dropped after `add`.
 * @example const b = createFeatureTableBuilder(); b.add(trace, segmentGraphlets(trace).graphlets);
 */
export function createFeatureTableBuilder(
  options: Partial<FeatureOptions> = {},
): FeatureTableBuilder {
  const resolved = resolveFeatureOptions(options);
  const features = featureDefinitions(resolved);
  const nf = features.length;
  let capacity = 1024;
  let values = new Float64Array(capacity * nf);
  let stageCosts = new Float64Array(capacity * STAGE_COSTS);
  let pipeline = new Int32Array(capacity);
  let trainer = new Float64Array(capacity);
  let pushed = new Uint8Array(capacity);
  let nRows = 0;
  const pipelines: string[] = [];
  const excluded = { warmStartPipelines: 0, warmStartGraphlets: 0, pipelinesWithoutGraphlets: 0 };

  const ensure = (rows: number) => {
    if (rows <= capacity) return;
    while (capacity < rows) capacity *= 2;
    values = grow(values, capacity * nf);
    stageCosts = grow(stageCosts, capacity * STAGE_COSTS);
    pipeline = grow(pipeline, capacity);
    trainer = grow(trainer, capacity);
    pushed = grow(pushed, capacity);
  };

  return {
    features,
    add(trace, graphlets) {
      if (graphlets.length === 0) {
        excluded.pipelinesWithoutGraphlets++;
        return 0;
      }
      if (graphlets.some((g) => g.warmStart)) {
        excluded.warmStartPipelines++;
        excluded.warmStartGraphlets += graphlets.length;
        return 0;
      }
      const ordered = orderGraphlets(graphlets);
      ensure(nRows + ordered.length);
      writePipelineFeatures(trace, ordered, resolved, values, stageCosts, nRows);
      const p = pipelines.length;
      pipelines.push(trace.pipeline);
      for (let i = 0; i < ordered.length; i++) {
        const g = ordered[i]!;
        pipeline[nRows + i] = p;
        trainer[nRows + i] = g.trainer;
        pushed[nRows + i] = g.pushed ? 1 : 0;
      }
      nRows += ordered.length;
      return ordered.length;
    },
    finish() {
      const cost = new Float64Array(nRows);
      for (let r = 0; r < nRows; r++) {
        const k = r * STAGE_COSTS;
        // Pre-trainer (ingestion included) + trainer + post-trainer: every execution once.
        cost[r] = stageCosts[k + 1]! + stageCosts[k + 2]! + stageCosts[k + 3]!;
      }
      return {
        options: resolved,
        features,
        nRows,
        nFeatures: nf,
        values: values.subarray(0, nRows * nf),
        pipelines: [...pipelines],
        pipeline: pipeline.subarray(0, nRows),
        trainer: trainer.subarray(0, nRows),
        pushed: pushed.subarray(0, nRows),
        cost,
        stageCosts: stageCosts.subarray(0, nRows * STAGE_COSTS),
        excluded: { ...excluded },
      };
    },
  };
}

/** Builds the table of a whole in-memory corpus (see createFeatureTableBuilder). */
export function buildFeatureTable(
  corpus: Iterable<{ readonly trace: Trace; readonly graphlets: readonly Graphlet[] }>,
  options: Partial<FeatureOptions> = {},
): WasteFeatureTable {
  const builder = createFeatureTableBuilder(options);
  for (const { trace, graphlets } of corpus) builder.add(trace, graphlets);
  return builder.finish();
}

function grow<T extends Float64Array | Int32Array | Uint8Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
