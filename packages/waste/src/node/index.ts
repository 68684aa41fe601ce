export * from './feature-source.ts';
export type { FeatureTask, FeatureWorkerData } from './feature-worker.ts';
export * from './stream-feature-table.ts';
