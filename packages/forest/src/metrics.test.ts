import { describe, expect, it } from 'vitest';
import { balancedAccuracy, confusionMatrix } from './metrics.ts';

describe('metrics', () => {
  it('counts the four outcomes', () => {
    expect(confusionMatrix([1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 1, 0, 0, 0])).toEqual({
      truePositives: 2,
      falseNegatives: 1,
      falsePositives: 1,
      trueNegatives: 3,
    });
  });

  it('averages the true positive and true negative rates', () => {
    // TPR 2/3, TNR 3/4.
    const m = confusionMatrix([1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 1, 0, 0, 0]);
    expect(balancedAccuracy(m)).toBeCloseTo((2 / 3 + 3 / 4) / 2, 12);
    // Predicting the majority class of 80/20 data scores 0.5, not 0.8.
    const labels = [1, 0, 0, 0, 0];
    expect(balancedAccuracy(confusionMatrix(labels, [0, 0, 0, 0, 0]))).toBe(0.5);
  });

  it('uses the one defined rate when a class is absent', () => {
    expect(balancedAccuracy(confusionMatrix([0, 0, 0, 0], [0, 1, 0, 0]))).toBe(0.75);
    expect(balancedAccuracy(confusionMatrix([1, 1], [1, 0]))).toBe(0.5);
    expect(balancedAccuracy(confusionMatrix([], []))).toBeNaN();
  });

  it('rejects mismatched or non-binary input', () => {
    expect(() => confusionMatrix([1], [1, 0])).toThrow(/forest: 1 labels but 2 predictions/);
    expect(() => confusionMatrix([1, 2], [1, 0])).toThrow(/forest: label and prediction 1/);
  });
});
