/**
 * The hidden push process (paper §4.3, §5): whether a trained model is pushed depends only on
 * what the waste classifier's features observe (§5.2.1: the input and code history over the
 * preceding graphlets, the pre-trainer shape, the model type) plus per-model noise, so no
 * feature leaks the label. Post-trainer shape (Evaluator blessing, InfraValidator, whether the
 * Pusher ran) then follows the outcome, as it does in TFX.
 */
import type { ModelType } from '@graphlet/core';

/** History window of the push process, the features' default window (§5.2.1). */
export const PUSH_WINDOW = 3;

/** Weights of the push process; README.md explains each knob. */
export const PUSH = {
  /**
   * Push probability of held-back models (see `isHeldBack`): a fresh Tuner run's model is only
   * evaluated (`tuning`, near 0, so a scheduler may skip it); a model held while new trainer code
   * soaks or runs in shadow is still promoted now and then (`code`), so what RF:Input sees
   * removes ~30-40% of waste before freshness drops (Figure 10) rather than all of it.
   */
  heldBack: { tuning: 0.002, code: 0.01 },
  /** Jaccard with the previous graphlet above which new code's first model runs in shadow. */
  shadowOverlap: 0.5,
  /** Logit intercept of the other models, tuned so that ~20% of all graphlets push (§4.3.2). */
  intercept: -1.0,
  /** Figure 9(f) / RF:Model-Type: per-type logit offsets (every type stays below 0.6). */
  modelType: { DNN: -0.5, 'DNN+Linear': 1, Linear: 1, Tree: 0.8, Other: -0.8 } as Readonly<
    Record<ModelType, number>
  >,
  /** Input history: share of new spans in the window (1 - Jaccard with the previous graphlet). */
  novelty: 1.4,
  /** Input history: retraining on exactly the previous inputs (a retrain or an A/B arm). */
  sameInputs: 1.15,
  /** Dataset similarity: calm data (features that did not move) helps a model pass validation. */
  calmData: 8,
  /**
   * New code's first model on fresh data (not in shadow) pushes more often, which balances the
   * shadow ones: Table 2's code match barely differs between pushed and unpushed (0.838, 0.846).
   */
  codeChange: 1.0,
  /** Pre-trainer shape (RF:Input+Pre): models on validated data (ExampleValidator runs) push more. */
  dataValidation: 0.6,
} as const;

/** What happens after training, given the outcome (RF:Validation's post-trainer shape). */
export const POST_TRAINER = {
  /** Unpushed models the Evaluator still blesses (the push is throttled downstream). */
  blessedWhenUnpushed: 0.25,
  /** The Pusher runs and declines (writes pushed=0) on a blessed but unpushed model. */
  pusherRunsWhenBlessedUnpushed: 0.6,
  /** The Pusher runs and declines on an unblessed model (open-source TFX behaviour). */
  pusherRunsWhenUnblessed: 0.04,
  /** Without model validation, the Pusher runs and declines on an unpushed model. */
  pusherRunsWithoutValidation: 0.2,
} as const;

/** The observable signals of one training run, as the §5.2.1 features see them. */
export interface PushSignals {
  readonly modelType: ModelType;
  /** Jaccard of the input spans with the k-th preceding graphlet (index k - 1; undefined when none). */
  readonly jaccard: readonly (number | undefined)[];
  /** Whether the trainer code matches the k-th preceding graphlet's (index k - 1). */
  readonly codeMatch: readonly (boolean | undefined)[];
  /** Mean share of features that stayed put across the input window (what dataset similarity sees). */
  readonly calm: number;
  readonly dataValidation: boolean;
  readonly tunerRan: boolean;
}

/**
 * Held back, whatever the data (push probability `PUSH.heldBack`, near 0): (1) new trainer code soaks:
 * the two models after its first wait (code history: the code matches the previous graphlet's
 * but not the one two or three back); (2) shadow: new code's first model on a window that
 * mostly overlaps the previous one is only compared offline (code and Jaccard history);
 * (3) a fresh Tuner run explores new hyperparameters and its model is only evaluated
 * (pre-trainer shape). A pipeline's first model (no history) is never held.
 */
export function isHeldBack(signals: PushSignals): boolean {
  // A pipeline's first model has no serving model to wait for (no history).
  if (signals.jaccard[0] === undefined) return false;
  const [m1, m2, m3] = signals.codeMatch;
  const soaking = m1 === true && (m2 === false || m3 === false);
  // On a rolling window that mostly overlaps the previous one, new code's first model is only
  // compared offline with the serving model on the same data (shadow); on fresh data it may push.
  const shadow = m1 === false && (signals.jaccard[0] ?? 0) > PUSH.shadowOverlap;
  return soaking || shadow || signals.tunerRan;
}

/** Probability that a model trained under `signals` is pushed. */
export function pushProbability(signals: PushSignals): number {
  if (isHeldBack(signals)) return signals.tunerRan ? PUSH.heldBack.tuning : PUSH.heldBack.code;
  const overlap = signals.jaccard[0];
  const z =
    PUSH.intercept +
    PUSH.modelType[signals.modelType] +
    PUSH.novelty * (1 - (overlap ?? 0)) +
    (overlap === 1 ? PUSH.sameInputs : 0) +
    PUSH.calmData * signals.calm +
    (signals.codeMatch[0] === false ? PUSH.codeChange : 0) +
    (signals.dataValidation ? PUSH.dataValidation : 0);
  return 1 / (1 + Math.exp(-z));
}
