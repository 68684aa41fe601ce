export { decodeBase64, encodeBase64 } from './base64.ts';
export {
  applyBins,
  type BinnedFeatures,
  type BinningOptions,
  binFeatures,
  binOf,
  nanBin,
} from './bin-features.ts';
export { featureImportance } from './feature-importance.ts';
export {
  type ColumnMatrix,
  checkMatrix,
  type FeatureMatrix,
  matrixShape,
  type TrainingMatrix,
} from './feature-matrix.ts';
export { forestFromBytes, forestToBytes } from './forest-bytes.ts';
export {
  checkLabels,
  type ForestOptions,
  type ResolvedForestOptions,
  resolveForestOptions,
} from './forest-options.ts';
export {
  type CurvePoint,
  type FreshnessInput,
  freshnessCurve,
  type OperatingPoint,
  operatingPoint,
} from './freshness-curve.ts';
export { balancedAccuracy, type ConfusionMatrix, confusionMatrix } from './metrics.ts';
export { classify, predictProba } from './predict-proba.ts';
export { mix32, type Random, randomBelow, splitmix32, treeSeed } from './random.ts';
export {
  deserializeForest,
  type SerializedForest,
  type SerializedTree,
  serializeForest,
} from './serialize-forest.ts';
export { type Forest, trainForest, trainForestTree } from './train-forest.ts';
export { type TreeOptions, type TreeTrainingSet, trainTree } from './train-tree.ts';
export { predictTreeRow, type Tree } from './tree.ts';
