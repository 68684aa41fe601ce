/**
 * Pipeline-level parameters: cadence, lifespan, input regime, topology, model type, data shape,
 * and costs. Heavy-tailed and corpus-shaping draws use the
 * low-discrepancy quantiles (low-discrepancy.ts); the rest come from the pipeline's own rng.
 */
import type { ModelType } from '@graphlet/core';
import {
  CODE_CHANGE,
  CORPUS_DAYS,
  CORPUS_START_MS,
  COST_SPREAD,
  DRIFT,
  FEATURES,
  INPUT_REGIMES,
  LIFESPAN,
  MODEL_TYPE_MIX,
  MODELS_PER_DAY,
  PARALLEL,
  PRESENCE,
  RETRAIN,
  STATIC_DATA,
} from './calibration.ts';
import {
  bernoulli,
  categorical,
  lognormal,
  normalQuantile,
  uniform,
  uniformInt,
} from './distributions.ts';
import { pipelineQuantile } from './low-discrepancy.ts';
import { type Rng, seededRng } from './random.ts';
import { EXAMPLE_GENS } from './tfx-names.ts';

/** A later input regime, from run share `switchAt` of the pipeline on. */
export interface RegimePhase {
  readonly switchAt: number;
  readonly window: number;
  readonly slide: number;
}

/** Everything that shapes one pipeline's trace. */
export interface PipelineParams {
  readonly seed: number;
  readonly index: number;
  readonly name: string;
  /** Start of the pipeline's first run, ms since the epoch. */
  readonly startMs: number;
  /** Planned lifespan in days (the node cap may end a fast pipeline sooner). */
  readonly lifespanDays: number;
  /** Trained models per day. */
  readonly modelsPerDay: number;
  /** Spans in each training window, and new spans per run. */
  readonly window: number;
  readonly slide: number;
  /**
   * Pipelines change configuration (§2.1): from run share `switchAt` on, fast pipelines train
   * on other regimes (ascending `switchAt`). Mixing regimes within the pipelines that hold most
   * graphlets keeps Table 1 stable across seeds.
   */
  readonly later: readonly RegimePhase[];
  /** Retrains on a fixed set of spans (Table 1: identical inputs). */
  readonly staticData: boolean;
  /** Share of runs that retrain on unchanged data. */
  readonly retrainShare: number;
  /** Parallel trainers on identical inputs (1 = no A/B), and the share of runs that have them. */
  readonly parallel: number;
  readonly parallelRunShare: number;
  readonly modelType: ModelType;
  readonly exampleGen: string;
  readonly dataValidation: boolean;
  readonly modelValidation: boolean;
  readonly infraValidation: boolean;
  readonly transform: boolean;
  readonly tunerRunShare: number;
  readonly warmStart: boolean;
  readonly featureCount: number;
  readonly categoricalShare: number;
  /** Mean share of features whose distribution stays put from one span to the next. */
  readonly driftStay: number;
  readonly costScale: number;
  /** Probability that the trainer code changes between consecutive runs. */
  readonly codeChangeRate: number;
}

/** Dimensions of the low-discrepancy sequence, one per corpus-shaping draw. */
const DIM = {
  rate: 0,
  lifespan: 1,
  regime: 2,
  modelType: 3,
  dataValidation: 4,
  modelValidation: 5,
  parallel: 6,
  warmStart: 7,
  slowRetrain: 8,
  staticData: 9,
  features: 10,
  cost: 11,
} as const;

const PARAMS_STREAM = 1;

/** Samples the parameters of pipeline `index` of the corpus seeded `seed`. */
export function samplePipelineParams(seed: number, index: number): PipelineParams {
  const q = (d: number) => pipelineQuantile(seed, index, d);
  const rng = seededRng(seed, PARAMS_STREAM, index);
  const typeRow =
    MODEL_TYPE_MIX[
      categorical(
        undefined,
        MODEL_TYPE_MIX.map((m) => m[1]),
        q(DIM.modelType),
      )
    ];
  const modelType = typeRow?.[0] ?? 'DNN';
  const staticData = q(DIM.staticData) < STATIC_DATA.share;

  const rateQ = q(DIM.rate);
  let modelsPerDay = Math.min(
    MODELS_PER_DAY.max,
    MODELS_PER_DAY.median * Math.exp(MODELS_PER_DAY.sigma * normalQuantile(clampUnit(rateQ))),
  );
  // Half a day of headroom: the last run's chain must end inside the corpus period.
  let lifespanDays = Math.min(
    CORPUS_DAYS - 0.5,
    plannedLifespan(q(DIM.lifespan), rateQ) * (typeRow?.[2] ?? 1),
  );
  if (staticData) {
    // Experiments on a fixed data set: a handful of models over a few days or weeks.
    lifespanDays = Math.min(lifespanDays, uniform(rng, 1, 30));
    modelsPerDay = Math.min(modelsPerDay, STATIC_DATA.maxGraphlets / lifespanDays);
  }
  const regimeQ = q(DIM.regime);
  const { window, slide } = staticData
    ? { window: uniformInt(rng, STATIC_DATA.spans[0], STATIC_DATA.spans[1]), slide: 0 }
    : sampleRegime(rng, regimeQ);
  const fast = rateQ > PARALLEL.fastQuantile;
  // The three phases take regime quantiles a third apart, so each fast pipeline (these hold most
  // consecutive pairs) spans the regime mix evenly and Table 1 varies little by seed.
  const later: RegimePhase[] =
    !staticData && fast
      ? [
          { switchAt: uniform(rng, 0.2, 0.4), ...sampleRegime(rng, (regimeQ + 1 / 3) % 1) },
          { switchAt: uniform(rng, 0.6, 0.8), ...sampleRegime(rng, (regimeQ + 2 / 3) % 1) },
        ]
      : [];
  const parallel =
    !staticData && fast && q(DIM.parallel) < PARALLEL.shareOfFastPipelines
      ? bernoulli(rng, PARALLEL.threeWay)
        ? 3
        : 2
      : 1;
  const modelValidation = q(DIM.modelValidation) < PRESENCE.modelValidation;
  const startOffsetDays = uniform(rng, 0, CORPUS_DAYS - lifespanDays);
  return {
    seed,
    index,
    name: `pipeline-${String(index).padStart(5, '0')}`,
    startMs: Math.round(CORPUS_START_MS + startOffsetDays * 86_400_000),
    lifespanDays,
    modelsPerDay,
    window,
    slide,
    later,
    staticData,
    retrainShare: staticData ? 0 : retrainShare(rng, rateQ, q(DIM.slowRetrain)),
    parallel,
    parallelRunShare: parallel > 1 ? uniform(rng, 0.4, 0.75) : 0,
    modelType,
    exampleGen:
      EXAMPLE_GENS[
        categorical(
          rng,
          EXAMPLE_GENS.map((e) => e[1]),
        )
      ]?.[0] ?? '',
    dataValidation: q(DIM.dataValidation) < PRESENCE.dataValidation,
    modelValidation,
    infraValidation:
      modelValidation && bernoulli(rng, PRESENCE.infraValidationGivenModelValidation),
    transform: bernoulli(rng, PRESENCE.transform),
    tunerRunShare: bernoulli(rng, PRESENCE.tuner[fast ? 'fast' : 'slow'])
      ? PRESENCE.tunerRunShare
      : 0,
    warmStart: q(DIM.warmStart) < PRESENCE.warmStart,
    featureCount: Math.round(
      Math.min(
        FEATURES.max,
        Math.max(FEATURES.min, lognormal(rng, FEATURES.median, FEATURES.sigma)),
      ),
    ),
    categoricalShare: Math.min(
      0.95,
      Math.max(0.05, FEATURES.categoricalShare + uniform(rng, -0.2, 0.2)),
    ),
    driftStay: Math.min(DRIFT.maxStay, DRIFT.meanStay * 2 * rng.float()),
    costScale: Math.exp(COST_SPREAD.pipeline * normalQuantile(clampUnit(q(DIM.cost)))),
    codeChangeRate: Math.min(
      0.9,
      CODE_CHANGE.byType[modelType] * (fast ? 1 : CODE_CHANGE.slow) * parallel,
    ),
  };
}

/**
 * Share of runs that retrain on unchanged data: some in the fastest pipelines (their schedule
 * outpaces their data), many in a few slow ones (reruns on the same spans), none otherwise.
 */
function retrainShare(rng: Rng, rateQ: number, slowQ: number): number {
  if (rateQ > RETRAIN.fastQuantile) return RETRAIN.share;
  if (rateQ < PARALLEL.fastQuantile && slowQ < RETRAIN.slowShare) {
    return uniform(rng, RETRAIN.slowRuns[0], RETRAIN.slowRuns[1]);
  }
  return 0;
}

/** Lifespan in days at lifespan quantile `u`, for a pipeline at cadence quantile `rateQ`. */
function plannedLifespan(u: number, rateQ: number): number {
  const [lo, hi] = LIFESPAN.steady.quantiles;
  const steady = rateQ >= lo && rateQ < hi;
  const days = 1 + (CORPUS_DAYS - 1) * u ** (LIFESPAN.gamma / (steady ? LIFESPAN.steady.power : 1));
  return rateQ < lo ? days * LIFESPAN.slow : days;
}

function sampleRegime(rng: Rng, u: number): { window: number; slide: number } {
  const regime =
    INPUT_REGIMES[
      categorical(
        undefined,
        INPUT_REGIMES.map((r) => r.share),
        u,
      )
    ];
  if (regime === undefined) return { window: 1, slide: 1 };
  // Large windows: log-uniform, so short and long months of spans are both common.
  const [lo, hi] = regime.window;
  const window =
    regime.kind === 'large'
      ? Math.round(Math.exp(uniform(rng, Math.log(lo), Math.log(hi))))
      : uniformInt(rng, lo, hi);
  return { window, slide: regime.slide === 'one' ? 1 : window - 1 };
}

function clampUnit(u: number): number {
  return Math.min(1 - 1e-9, Math.max(1e-9, u));
}
