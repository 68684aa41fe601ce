/**
 * The waste feature table (§5 "Data"), built pipeline by pipeline into growable typed columns:
 * one Float32Array per feature (NaN when missing) and per-row metadata. Pipelines with any
 * warm-starting graphlet are left out, as the paper filters them (§5).
 */
import type { Graphlet } from '../graphlet.ts';
import type { Trace } from '../trace.ts';
import { TraceError } from '../trace-error.ts';
import {
  type FeatureDefinition,
  type FeatureOptions,
  featureDefinitions,
  resolveFeatureOptions,
} from './feature-definitions.ts';
import { STAGE_COSTS } from './graphlet-features.ts';
import { type PipelineFeatureRows, pipelineFeatureRows } from './pipeline-feature-rows.ts';

/** The features of every graphlet of the non-warm-starting pipelines. */
export interface WasteFeatureTable {
  readonly options: FeatureOptions;
  readonly features: readonly FeatureDefinition[];
  readonly nRows: number;
  readonly nFeatures: number;
  /** Column-major: feature f of row r is columns[f][r] (single precision); NaN when missing. */
  readonly columns: readonly Float32Array[];
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
  /**
   * What was left out: pipelines (and their graphlets) that warm-start, pipelines without a
   * completed trainer's graphlet, and graphlets of failed trainers (no model, no label).
   */
  readonly excluded: {
    readonly warmStartPipelines: number;
    readonly warmStartGraphlets: number;
    readonly pipelinesWithoutGraphlets: number;
    readonly failedTrainerGraphlets: number;
  };
}

/** Bytes the table holds per row with `nFeatures` features (columns and per-row metadata). */
export function tableBytesPerRow(nFeatures: number): number {
  // Float32 per feature; pipeline (4), trainer (8), pushed (1), cost (8), stage costs (8 each).
  return 4 * nFeatures + 4 + 8 + 1 + 8 + 8 * STAGE_COSTS;
}

/** Adds pipelines one at a time; `finish` returns the table. */
export interface FeatureTableBuilder {
  readonly options: FeatureOptions;
  readonly features: readonly FeatureDefinition[];
  /** Adds one pipeline's graphlets (in any order); returns the rows added (0 when excluded). */
  add(trace: Trace, graphlets: readonly Graphlet[]): number;
  /** Adds one pipeline's precomputed rows (pipelineFeatureRows with the same options). */
  addRows(rows: PipelineFeatureRows): number;
  finish(): WasteFeatureTable;
}

/**
 * Starts a feature table. Memory is the table itself (tableBytesPerRow per row) plus, while a
 * column grows, one doubled copy of that column; each trace can be dropped after `add`.
 * @example const b = createFeatureTableBuilder(); b.add(trace, segmentGraphlets(trace).graphlets);
 */
export function createFeatureTableBuilder(
  options: Partial<FeatureOptions> = {},
): FeatureTableBuilder {
  const resolved = resolveFeatureOptions(options);
  const features = featureDefinitions(resolved);
  const nf = features.length;
  let capacity = 1024;
  const columns = Array.from({ length: nf }, () => new Float32Array(capacity));
  let stageCosts = new Float64Array(capacity * STAGE_COSTS);
  let pipeline = new Int32Array(capacity);
  let trainer = new Float64Array(capacity);
  let pushed = new Uint8Array(capacity);
  let nRows = 0;
  const pipelines: string[] = [];
  const excluded = {
    warmStartPipelines: 0,
    warmStartGraphlets: 0,
    pipelinesWithoutGraphlets: 0,
    failedTrainerGraphlets: 0,
  };

  const ensure = (rows: number) => {
    if (rows <= capacity) return;
    while (capacity < rows) capacity *= 2;
    for (let f = 0; f < nf; f++) columns[f] = grow(columns[f]!, capacity);
    stageCosts = grow(stageCosts, capacity * STAGE_COSTS);
    pipeline = grow(pipeline, capacity);
    trainer = grow(trainer, capacity);
    pushed = grow(pushed, capacity);
  };

  const addRows = (rows: PipelineFeatureRows): number => {
    excluded.failedTrainerGraphlets += rows.failedGraphlets;
    if (rows.kind !== 'rows') {
      if (rows.kind === 'no-graphlets') excluded.pipelinesWithoutGraphlets++;
      else {
        excluded.warmStartPipelines++;
        excluded.warmStartGraphlets += rows.graphlets;
      }
      return 0;
    }
    const n = rows.nRows;
    if (rows.values.length !== n * nf) {
      throw new TraceError(
        'invalid_argument',
        'waste',
        `pipeline rows have ${rows.values.length / n} features, expected ${nf}`,
      );
    }
    ensure(nRows + n);
    for (let f = 0; f < nf; f++) {
      const column = columns[f]!;
      for (let i = 0; i < n; i++) column[nRows + i] = rows.values[i * nf + f]!;
    }
    stageCosts.set(rows.stageCosts, nRows * STAGE_COSTS);
    trainer.set(rows.trainer, nRows);
    pushed.set(rows.pushed, nRows);
    pipeline.fill(pipelines.length, nRows, nRows + n);
    pipelines.push(rows.pipeline);
    nRows += n;
    return n;
  };

  return {
    options: resolved,
    features,
    add: (trace, graphlets) => addRows(pipelineFeatureRows(trace, graphlets, resolved)),
    addRows,
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
        columns: columns.map((c) => c.subarray(0, nRows)),
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

function grow<T extends Float32Array | Float64Array | Int32Array | Uint8Array>(
  array: T,
  length: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}
