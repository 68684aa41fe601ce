export { createForestPool, type ForestPool } from './forest-pool.ts';
export { type ParallelForestOptions, trainForestParallel } from './train-forest-parallel.ts';
