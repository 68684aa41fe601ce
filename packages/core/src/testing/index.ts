/** Test traces shared with other packages' tests, e2e and benchmarks (`@graphlet/core/testing`). */

export * from './close-to.ts';
export * from './failed-trainers-trace.ts';
export * from './large-trace.ts';
export * from './pipeline-runs.ts';
