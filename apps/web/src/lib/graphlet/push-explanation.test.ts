import { describe, expect, it } from 'vitest';
import { blessingLines, predictionSentence } from './push-explanation.ts';

describe('predictionSentence', () => {
  const base = { model: 'wm-3', variant: 'RF:Input+Pre' as const, probability: 0.12 };

  it('says the chance to push and what the chosen threshold would do', () => {
    expect(predictionSentence({ ...base, testSet: true, threshold: 0.31, decision: 'skip' })).toBe(
      'The classifier (RF:Input+Pre, model wm-3) gives this run a 12% chance to push; at the chosen threshold (0.31, the highest keeping 99% of pushed models on the test set) it would be skipped. This graphlet was in the model’s test set.',
    );
    expect(
      predictionSentence({
        ...base,
        probability: 0.8,
        testSet: false,
        threshold: 0.31,
        decision: 'run',
      }),
    ).toMatch(/80% chance to push; .* it would be run\. .*may have been a training example/);
  });

  it('names no decision when no threshold keeps 99% of pushed models', () => {
    expect(predictionSentence({ ...base, testSet: true, threshold: null, decision: null })).toMatch(
      /12% chance to push; no threshold of this model keeps 99%/,
    );
  });
});

describe('blessingLines', () => {
  it('lists each blessing with its verdict', () => {
    const outcome = {
      kind: 'push-declined' as const,
      trainerState: 'complete' as const,
      pushers: [13],
      sentence: '',
      blessings: [
        {
          artifact: 20,
          type: 'ModelBlessing',
          validator: 11,
          validatorName: 'Evaluator',
          blessed: false,
        },
        {
          artifact: 21,
          type: 'InfraBlessing',
          validator: 12,
          validatorName: 'InfraValidator',
          blessed: null,
        },
      ],
    };
    expect(blessingLines(outcome)).toEqual([
      'ModelBlessing by Evaluator (execution 11): not blessed',
      'InfraBlessing by InfraValidator (execution 12): no `blessed` recorded',
    ]);
  });
});
