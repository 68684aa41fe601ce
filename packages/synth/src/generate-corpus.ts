/** The synthetic corpus: pipelines generated one at a time from (seed, pipeline index). */
import type { Trace } from '@graphlet/core';
import { generatePipeline } from './generate-pipeline.ts';
import { samplePipelineParams } from './pipeline-params.ts';
import { type PipelinePlan, planRuns } from './plan-runs.ts';
import { seededRng } from './random.ts';

/** Size and seed of a corpus. */
export interface CorpusOptions {
  readonly pipelines: number;
  readonly seed: number;
}

/** The paper's corpus size (§2.2: 3,000 pipelines). */
export const PAPER_PIPELINES = 3000;

const TRACE_STREAM = 2;

/** Generates pipeline `index` of the corpus seeded `seed`, independently of every other pipeline. */
export function generateCorpusPipeline(seed: number, index: number): Trace {
  return generatePipeline(samplePipelineParams(seed, index), seededRng(seed, TRACE_STREAM, index));
}

/** The run plan of pipeline `index` (what `generateCorpusPipeline` emits), without building it. */
export function planCorpusPipeline(seed: number, index: number): PipelinePlan {
  return planRuns(samplePipelineParams(seed, index), seededRng(seed, TRACE_STREAM, index));
}

/** Yields the corpus's traces in pipeline order, one at a time (memory stays bounded). */
export function* generateCorpus(options: CorpusOptions): Generator<Trace> {
  const { pipelines, seed } = options;
  if (!(Number.isInteger(pipelines) && pipelines >= 0)) {
    throw new Error(`synth: pipelines must be a non-negative integer, got ${pipelines}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`synth: seed must be an integer, got ${seed}`);
  for (let i = 0; i < pipelines; i++) yield generateCorpusPipeline(seed, i);
}
