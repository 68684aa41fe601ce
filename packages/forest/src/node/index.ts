export { createForestPool, type ForestPool } from './forest-pool.ts';
export { predictProbaParallel } from './predict-proba-parallel.ts';
export { type ParallelForestOptions, trainForestParallel } from './train-forest-parallel.ts';
