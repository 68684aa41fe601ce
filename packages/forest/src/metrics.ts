// Binary classification metrics; the paper (§5) scores classifiers by balanced accuracy because
// its data is 80% unpushed, 20% pushed.

/** Counts of a binary classifier's outcomes (positive = label 1). */
export interface ConfusionMatrix {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

/** Confusion matrix of 0/1 predictions against 0/1 labels. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predicted: ArrayLike<number>,
): ConfusionMatrix {
  if (labels.length !== predicted.length) {
    throw new Error(`forest: ${labels.length} labels but ${predicted.length} predictions`);
  }
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    const p = predicted[i];
    if ((y !== 0 && y !== 1) || (p !== 0 && p !== 1)) {
      throw new Error(`forest: label and prediction ${i} must be 0 or 1 (got ${y}, ${p})`);
    }
    if (y === 1) p === 1 ? tp++ : fn++;
    else p === 1 ? fp++ : tn++;
  }
  return { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn };
}

/**
 * Balanced accuracy: the mean of the true positive rate and the true negative rate. When one class
 * is absent its rate is undefined and the other rate alone is returned (NaN when both are).
 */
export function balancedAccuracy(matrix: ConfusionMatrix): number {
  const positives = matrix.truePositives + matrix.falseNegatives;
  const negatives = matrix.trueNegatives + matrix.falsePositives;
  const tpr = positives === 0 ? undefined : matrix.truePositives / positives;
  const tnr = negatives === 0 ? undefined : matrix.trueNegatives / negatives;
  if (tpr === undefined) return tnr ?? Number.NaN;
  if (tnr === undefined) return tpr;
  return (tpr + tnr) / 2;
}
