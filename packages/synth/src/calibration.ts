/**
 * Every tunable number of the generator in one place, each next to the paper figure it is
 * calibrated against (see README.md for how they interact). Changing one changes the corpus
 * for every seed; the calibration test in generate-corpus.test.ts guards the bars.
 */
import type { ModelType } from '@graphlet/core';

/** Corpus period (§2.2: ~4 months; longest lifespan 130 days). */
export const CORPUS_DAYS = 130;
/** First instant of the corpus period (2020-06-01T00:00Z). */
export const CORPUS_START_MS = Date.UTC(2020, 5, 1);
/** Largest trace, in nodes (§3.1: 6,953); fast pipelines stop training when they reach it. */
export const MAX_TRACE_NODES = 6950;
/** Figure 3(b): models per day, lognormal with median 1; sigma sqrt(2 ln 7) gives mean 7 and ~1% above 100. */
export const MODELS_PER_DAY = { median: 0.85, sigma: 2.05, max: 600 } as const;
/**
 * Figure 3(a): lifespan = 1 + 129 * u^gamma days, before the node cap shortens fast pipelines.
 * Lifespan follows cadence: pipelines below the median cadence are short experiments (x `slow`),
 * steady ones (cadence quantile in `steady.quantiles`) run for months (exponent gamma /
 * `steady.power`), so ~150 models per pipeline (~450,000 over 3,000, §3.1) keep a mean of 36 days.
 */
export const LIFESPAN = {
  gamma: 2.05,
  slow: 0.3,
  steady: { quantiles: [0.5, 0.93], power: 4 },
} as const;

/** Figure 5: share of pipelines by model type, with lifespan multipliers (Figure 3(d): linear lives longer). */
export const MODEL_TYPE_MIX: readonly (readonly [ModelType, number, number])[] = [
  ['DNN', 0.655, 0.9],
  ['DNN+Linear', 0.02, 1],
  ['Linear', 0.16, 1.45],
  ['Tree', 0.1, 1],
  ['Other', 0.065, 1],
];

/**
 * Table 1 (Jaccard): input regimes of a pipeline, with pipeline shares. `single` trains on the
 * newest span only (Jaccard 0); `hop` slides a window of k by k - 1 (1/(2k-1)); `small`, `mid`
 * and `large` slide a window of k spans by one ((k-1)/(k+1)).
 */
export const INPUT_REGIMES = [
  { kind: 'single', share: 0.15, window: [1, 1], slide: 'one' },
  { kind: 'hop', share: 0.19, window: [3, 4], slide: 'window-1' },
  { kind: 'small', share: 0.06, window: [2, 3], slide: 'one' },
  { kind: 'mid', share: 0.055, window: [4, 7], slide: 'one' },
  { kind: 'large', share: 0.545, window: [14, 80], slide: 'one' },
] as const;

/** Table 1 (per-pipeline dataset similarity, bin 4): pipelines retraining on a fixed data set. */
export const STATIC_DATA = { share: 0.04, maxGraphlets: 24, spans: [1, 4] } as const;
/** Table 1 (identical inputs): A/B pipelines run 2-3 trainers on the same inputs from some run on. */
export const PARALLEL = { shareOfFastPipelines: 0.11, fastQuantile: 0.5, threeWay: 0.2 } as const;
/**
 * Runs that retrain on unchanged data (no new span; Transform cached): continuous pipelines
 * whose schedule outpaces their data, i.e. those above `fastQuantile` of models per day.
 */
export const RETRAIN = {
  share: 0.075,
  fastQuantile: 0.75,
  /**
   * Table 1 (per-pipeline dataset similarity, bins 2-3): slow pipelines (below the median
   * cadence) that rerun training on unchanged data in a share `slowRuns` of runs.
   */
  slowShare: 0.09,
  slowRuns: [0.3, 0.7],
} as const;

/**
 * Table 1 (dataset similarity): per-span share of features whose distribution stays put, an
 * exponential around the pipeline's mean (below maxStay), except for a share of calm spans.
 */
export const DRIFT = {
  meanStay: 0.003,
  maxStay: 0.05,
  calmShare: 0.05,
  calm: [0.06, 0.2],
} as const;
/** Figure 3(c): feature count per pipeline, lognormal, capped so stores stay small. */
export const FEATURES = {
  median: 13,
  sigma: 0.8,
  min: 6,
  max: 150,
  categoricalShare: 0.53,
} as const;
/** §3.2: categorical domain sizes (mean ~10.6 M; linear pipelines above 20 M), per feature. */
export const DOMAIN = { median: 1.35e6, sigma: 1.8, linear: 2.6 } as const;

/** Figure 6: operator presence (share of pipelines). */
export const PRESENCE = {
  dataValidation: 0.5,
  modelValidation: 0.5,
  infraValidationGivenModelValidation: 0.35,
  transform: 0.85,
  /** Tuner presence in slow and fast (above the median cadence) pipelines: fast ones iterate. */
  tuner: { slow: 0.05, fast: 1 },
  tunerRunShare: 0.3,
  warmStart: 0.085,
} as const;

/**
 * Table 2: probability that the trainer code changes in a run once the previous change has
 * soaked for two runs (plan-runs.ts), by model type (DNN owners iterate on their code most),
 * scaled by `slow` in pipelines below the median cadence; fast pipelines hold most graphlets,
 * so the corpus's code match stays ~0.845.
 */
export const CODE_CHANGE = {
  byType: { DNN: 0.27, 'DNN+Linear': 0.2, Linear: 0.17, Tree: 0.2, Other: 0.27 },
  slow: 0.15,
} as const satisfies { byType: Readonly<Record<ModelType, number>>; slow: number };
/** Failed runs: a Trainer that fails (no outputs) and a Transform that fails (no training). */
export const FAILURE = { trainer: 0.02, transform: 0.006 } as const;

/**
 * Figure 7: mean CPU seconds per execution (before the pipeline's cost scale). Tuned so that
 * ingestion ~22%, data + model validation ~35% and training ~27% of all compute.
 */
export const CPU_SECONDS = {
  exampleGen: 1700,
  statisticsGen: 3000,
  exampleValidator: 300,
  importSchemaGen: 5,
  transform: 1500,
  tuner: 1600,
  trainer: 2300,
  evaluator: 3300,
  infraValidator: 700,
  pusher: 150,
} as const;
/**
 * Figure 9(e): owners revise their curated schema now and then, and ImportSchemaGen imports each
 * revision; a graphlet reaches back to its schema's import, so the mean graphlet duration follows
 * the mean days between revisions (exponential gaps).
 */
export const SCHEMA_REVISION_DAYS = 12;
/**
 * Figure 9(d): a Trainer right after a fresh Tuner run trains the larger configuration the Tuner
 * explored; such models are mostly held back, so unpushed trainers use more CPU than pushed ones.
 */
export const TUNED_TRAINER_COST = 1.4;
/** Per-pipeline and per-execution cost spread (log-scale sigma). */
export const COST_SPREAD = { pipeline: 0.6, execution: 0.35 } as const;
