/**
 * The hidden push process (paper §4.3, §5): whether a trained model is pushed depends only on
 * signals the waste classifier's features can observe, plus a hidden per-pipeline propensity
 * and per-model noise, so no feature can leak the label. Post-trainer shape (Evaluator blessing,
 * InfraValidator, whether the Pusher ran) then follows the outcome, as it does in TFX.
 */
import type { ModelType } from '@graphlet/core';

/** Logit weights of the push process; README.md explains each knob. */
export const PUSH = {
  /** Intercept, tuned so that ~20% of graphlets push (§4.3.2). */
  intercept: -1.75,
  /** Figure 9(f) / RF:Model-Type: per-type offsets (every type stays below 0.6). */
  modelType: { DNN: -0.2, 'DNN+Linear': 0.75, Linear: 0.65, Tree: 0.45, Other: -0.55 } as Readonly<
    Record<ModelType, number>
  >,
  /** Throttling (§2.1): per decade of models per day, fast pipelines push a smaller share. */
  cadence: -0.85,
  /** Hidden per-pipeline propensity (sd of a normal logit offset); caps what any feature can explain. */
  pipelineSd: 0.35,
  /** Input history (RF:Input): a model on mostly the same spans as its predecessor pushes less. */
  overlap: -0.3,
  /** Input history: retraining on exactly the previous inputs (Jaccard 1, no new data). */
  sameInputs: 0.4,
  /** Dataset similarity: calm data (features that did not move) helps a model pass validation. */
  calmData: 30,
  /** Table 2: pushed models follow a code change slightly more often (0.838 vs 0.846 match). */
  codeChange: 0.2,
  /** Pre-trainer shape (RF:Input+Pre): validated data and a fresh Tuner run help. */
  dataValidation: 0.45,
  transform: 0.25,
  tunerRan: 2,
  /** Trainer shape (RF:Input+Pre+Trainer): warm-started trainers push more. */
  warmStart: 0.4,
} as const;

/** What happens after training, given the outcome (RF:Validation's post-trainer shape). */
export const POST_TRAINER = {
  /** Unpushed models the Evaluator still blesses (the push is throttled downstream). */
  blessedWhenUnpushed: 0.08,
  /** The Pusher runs and declines (writes pushed=0) on a blessed but unpushed model. */
  pusherRunsWhenBlessedUnpushed: 0.4,
  /** The Pusher runs and declines on an unblessed model (open-source TFX behaviour). */
  pusherRunsWhenUnblessed: 0.04,
  /** Without model validation, the Pusher runs and declines on an unpushed model. */
  pusherRunsWithoutValidation: 0.05,
} as const;

/** The observable signals of one training run. */
export interface PushSignals {
  readonly modelType: ModelType;
  /** The pipeline's models per day (observable from trainer timestamps). */
  readonly modelsPerDay: number;
  /** Jaccard of the input spans with the previous graphlet's (0 for the first). */
  readonly overlap: number;
  /** True when the inputs are exactly the previous graphlet's. */
  readonly sameInputs: boolean;
  /** Mean share of features that stayed put across the input window (what dataset similarity sees). */
  readonly calm: number;
  readonly codeChanged: boolean;
  readonly dataValidation: boolean;
  readonly transform: boolean;
  readonly tunerRan: boolean;
  readonly warmStart: boolean;
}

/** Probability that a model trained under `signals` in a pipeline of hidden bias `bias` is pushed. */
export function pushProbability(signals: PushSignals, bias: number): number {
  const z =
    PUSH.intercept +
    bias +
    PUSH.modelType[signals.modelType] +
    PUSH.cadence * Math.log10(signals.modelsPerDay) +
    PUSH.overlap * signals.overlap +
    (signals.sameInputs ? PUSH.sameInputs : 0) +
    PUSH.calmData * signals.calm +
    (signals.codeChanged ? PUSH.codeChange : 0) +
    (signals.dataValidation ? PUSH.dataValidation : 0) +
    (signals.transform ? PUSH.transform : 0) +
    (signals.tunerRan ? PUSH.tunerRan : 0) +
    (signals.warmStart ? PUSH.warmStart : 0);
  return 1 / (1 + Math.exp(-z));
}
