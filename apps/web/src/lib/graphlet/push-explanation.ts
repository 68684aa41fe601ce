/**
 * Plain words for a graphlet's push: the trace's outcome (from core's pushOutcome, served with the
 * graphlet detail) and the waste classifier's prediction with what it means at the threshold.
 */
import type { GraphletPushPrediction, PushOutcomeDocument } from '@graphlet/contract';

/** Short headline per outcome kind. */
export const OUTCOME_HEADLINES: Readonly<Record<PushOutcomeDocument['kind'], string>> = {
  pushed: 'Pushed',
  'failed-trainer': 'Failed trainer: no model, no push decision',
  'push-step-failed': 'Not pushed: the push step failed',
  'push-declined': 'Not pushed: the push step declined',
  'push-step-absent': 'Not pushed: no push step ran',
};

/** One line per blessing: "ModelBlessing by Evaluator: blessed". */
export function blessingLines(outcome: PushOutcomeDocument): string[] {
  return outcome.blessings.map((b) => {
    const verdict =
      b.blessed === null ? 'no `blessed` recorded' : b.blessed ? 'blessed' : 'not blessed';
    return `${b.type} by ${b.validatorName} (execution ${b.validator}): ${verdict}`;
  });
}

const percent = (p: number) => {
  const v = p * 100;
  return `${v < 1 && v > 0 ? v.toFixed(1) : Math.round(v)}%`;
};

/**
 * What the classifier says: "The classifier (RF:Input+Pre, model wm-3) gives this run a 12% chance
 * to push; at the chosen threshold (0.31, the highest keeping 99% of pushed models) it would be
 * skipped." Says when the graphlet may have been a training example.
 */
export function predictionSentence(p: GraphletPushPrediction): string {
  const head = `The classifier (${p.variant}, model ${p.model}) gives this run a ${percent(p.probability)} chance to push`;
  const at =
    p.threshold === null || p.decision === null
      ? '; no threshold of this model keeps 99% of pushed models, so it names no decision'
      : `; at the chosen threshold (${p.threshold.toFixed(2)}, the highest keeping 99% of pushed models on the test set) it would be ${p.decision === 'skip' ? 'skipped' : 'run'}`;
  const seen = p.testSet
    ? ' This graphlet was in the model’s test set.'
    : ' This graphlet was not in the model’s test set: it may have been a training example, so the number may be optimistic.';
  return `${head}${at}.${seen}`;
}
