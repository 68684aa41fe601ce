/**
 * A trained waste model as the store keeps it: the summary (list answer), the Table 3 rows and
 * curves (detail answer), the test graphlets (columnar), and per variant the test probabilities;
 * each variant's forest is a blob of its own (waste_model_forests), stored as it is trained, so
 * operating points and policies need no retraining and no forest sits in the model's JSON.
 */
import type { WasteModel, WasteModelSummary } from '@graphlet/contract';
import {
  type FeatureOptions,
  VARIANT_DEFINITIONS,
  type WasteFeatureTable,
  type WasteVariant,
} from '@graphlet/core';
import type { SerializedForest } from '@graphlet/forest';
import { type WasteRun, wasteRemovedAt } from '@graphlet/waste';

/** The test graphlets in split order; row i of every probability array is graphlet i. */
interface StoredTestGraphlets {
  readonly featureOptions: FeatureOptions;
  readonly traceId: readonly string[];
  readonly pipeline: readonly string[];
  readonly trainer: readonly number[];
  readonly pushed: readonly number[];
  readonly cost: readonly number[];
}

/** What a variant needs to answer operating points, policies and predictions. */
export interface StoredVariant {
  readonly features: readonly string[];
  readonly balancedAccuracy: number;
  readonly probabilities: readonly number[];
  /** Only in models stored before forests became blobs. */
  readonly forest?: SerializedForest;
}

export interface StoredWasteModel {
  readonly summary: WasteModelSummary;
  readonly results: Pick<WasteModel, 'rows' | 'curves'>;
  readonly test: StoredTestGraphlets;
  readonly variants: Partial<Record<WasteVariant, StoredVariant>>;
}

const TOP_FEATURES = 5;

/** Builds the stored form of a finished run; `keys[p]` is the trace id of table pipeline p. */
export function storedWasteModel(input: {
  readonly id: string;
  readonly jobId: string;
  readonly table: WasteFeatureTable;
  readonly keys: readonly string[];
  readonly run: WasteRun;
  readonly traces: readonly string[] | null;
  readonly trees: number;
  readonly seed: number;
}): StoredWasteModel {
  const { table, keys, run } = input;
  const test = Array.from(run.split.test);
  const summary: WasteModelSummary = {
    id: input.id,
    jobId: input.jobId,
    created: new Date().toISOString(),
    variants: run.evaluations.map((e) => e.variant),
    scope: {
      traces: input.traces === null ? null : [...input.traces],
      pipelines: table.pipelines.length,
      graphlets: table.nRows,
      trainGraphlets: run.split.train.length,
      testGraphlets: test.length,
      excludedGraphlets: table.excluded.warmStartGraphlets,
    },
    trees: input.trees,
    seed: input.seed,
  };
  const variants: Partial<Record<WasteVariant, StoredVariant>> = {};
  const curves: WasteModel['curves'] = {};
  const rows = run.evaluations.map((e) => {
    variants[e.variant] = {
      features: e.features,
      balancedAccuracy: e.balancedAccuracy,
      probabilities: Array.from(e.probabilities),
    };
    curves[e.variant] = [...e.curve];
    return {
      variant: e.variant,
      balancedAccuracy: e.balancedAccuracy,
      featureCost: e.featureCost ?? null,
      confusion: e.confusion,
      paper: VARIANT_DEFINITIONS[e.variant].paper,
      wasteRemovedAtFreshness99: wasteRemovedAt(e.curve, 0.99),
      wasteRemovedAtFreshness100: wasteRemovedAt(e.curve, 1),
      topFeatures: e.importance.slice(0, TOP_FEATURES).map((f) => ({ ...f })),
      features: [...e.features],
    };
  });
  return {
    summary,
    results: { rows, curves },
    test: {
      featureOptions: table.options,
      traceId: test.map((r) => keys[table.pipeline[r]!]!),
      pipeline: test.map((r) => table.pipelines[table.pipeline[r]!]!),
      trainer: test.map((r) => table.trainer[r]!),
      pushed: test.map((r) => table.pushed[r]!),
      cost: test.map((r) => table.cost[r]!),
    },
    variants,
  };
}
