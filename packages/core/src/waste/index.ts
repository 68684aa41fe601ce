export * from './feature-cost.ts';
export * from './feature-definitions.ts';
export * from './feature-table.ts';
export * from './graphlet-feature-record.ts';
export { fnv1a, orderGraphlets, STAGE_COSTS, writePipelineFeatures } from './graphlet-features.ts';
export * from './pipeline-feature-rows.ts';
export * from './select-matrix.ts';
export * from './split-by-pipeline.ts';
export * from './variants.ts';
