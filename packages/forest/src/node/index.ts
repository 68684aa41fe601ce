export { type ParallelForestOptions, trainForestParallel } from './train-forest-parallel.ts';
