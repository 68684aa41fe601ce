/**
 * The bundled demo corpus: a dozen seeded pipelines of deliberately varied shapes (A/B
 * trainers, rolling windows, single spans, static data, warm start, with and without
 * validation; a few with hundreds of graphlets), generated on first use, never committed.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Trace } from '@graphlet/core';
import { openMlmdWriter } from '@graphlet/formats';
import { generatePipeline } from './generate-pipeline.ts';
import { type PipelineParams, samplePipelineParams } from './pipeline-params.ts';
import { seededRng } from './random.ts';

const DEMO_SEED = 2021;

type Shape = Partial<Omit<PipelineParams, 'seed' | 'index' | 'name'>>;

/** The demo's shapes: overrides of sampled parameters, one per pipeline. */
const SHAPES: readonly (readonly [string, Shape])[] = [
  [
    'ads-ranking-ab',
    {
      modelsPerDay: 24,
      lifespanDays: 3.5,
      window: 30,
      slide: 1,
      parallel: 2,
      parallelRunShare: 0.8,
      modelType: 'DNN',
      dataValidation: false,
      modelValidation: true,
    },
  ],
  [
    'video-recs-rolling',
    {
      modelsPerDay: 1,
      lifespanDays: 32,
      window: 7,
      slide: 1,
      modelType: 'DNN',
      dataValidation: true,
      modelValidation: true,
      infraValidation: true,
    },
  ],
  [
    'maps-eta-linear',
    {
      modelsPerDay: 0.3,
      lifespanDays: 100,
      window: 14,
      slide: 1,
      modelType: 'Linear',
      dataValidation: false,
      modelValidation: true,
    },
  ],
  [
    'app-install-single',
    {
      modelsPerDay: 1,
      lifespanDays: 30,
      window: 1,
      slide: 1,
      tunerRunShare: 0.4,
      modelType: 'Tree',
      dataValidation: true,
      modelValidation: false,
    },
  ],
  [
    'search-ctr-fast',
    {
      modelsPerDay: 150,
      lifespanDays: 1.4,
      window: 24,
      slide: 1,
      modelType: 'DNN',
      dataValidation: false,
      modelValidation: false,
    },
  ],
  [
    'fraud-static-experiment',
    {
      modelsPerDay: 2,
      lifespanDays: 6,
      window: 3,
      slide: 0,
      staticData: true,
      modelType: 'Other',
      dataValidation: false,
      modelValidation: false,
    },
  ],
  [
    'spam-warm-start',
    {
      modelsPerDay: 1,
      lifespanDays: 32,
      window: 3,
      slide: 1,
      warmStart: true,
      tunerRunShare: 0.4,
      modelType: 'DNN+Linear',
      dataValidation: true,
      modelValidation: true,
    },
  ],
  [
    'notifications-hop',
    {
      modelsPerDay: 1,
      lifespanDays: 30,
      window: 4,
      slide: 3,
      modelType: 'DNN',
      dataValidation: false,
      modelValidation: false,
    },
  ],
  [
    'shopping-tuner',
    {
      modelsPerDay: 1,
      lifespanDays: 30,
      window: 10,
      slide: 1,
      tunerRunShare: 0.3,
      modelType: 'DNN',
      dataValidation: true,
      modelValidation: true,
    },
  ],
  [
    'news-freshness',
    {
      modelsPerDay: 30,
      lifespanDays: 2.2,
      window: 2,
      slide: 1,
      tunerRunShare: 0.4,
      modelType: 'Linear',
      dataValidation: false,
      modelValidation: true,
    },
  ],
  [
    'photos-quality',
    {
      modelsPerDay: 0.4,
      lifespanDays: 60,
      window: 5,
      slide: 1,
      modelType: 'DNN',
      dataValidation: false,
      modelValidation: true,
    },
  ],
  [
    'translate-retrain',
    {
      modelsPerDay: 6,
      lifespanDays: 6,
      window: 20,
      slide: 1,
      retrainShare: 0.15,
      modelType: 'DNN',
      dataValidation: true,
      modelValidation: false,
    },
  ],
];

/** The demo corpus's traces, in order. */
export function* demoTraces(): Generator<Trace> {
  for (const [i, [name, shape]] of SHAPES.entries()) {
    const sampled = samplePipelineParams(DEMO_SEED, i);
    const params: PipelineParams = {
      ...sampled,
      later: [],
      parallel: 1,
      parallelRunShare: 0,
      retrainShare: 0,
      warmStart: false,
      tunerRunShare: 0,
      infraValidation: false,
      staticData: false,
      featureCount: Math.min(sampled.featureCount, 8),
      ...shape,
      name,
    };
    yield generatePipeline(params, seededRng(DEMO_SEED, 3, i));
  }
}

/** Writes the demo corpus to `path` unless the file exists; returns true when it generated it. */
export function ensureDemoCorpus(path: string): boolean {
  if (existsSync(path)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.partial-${process.pid}`;
  const writer = openMlmdWriter(temp, { overwrite: true });
  for (const trace of demoTraces()) writer.writeTrace(trace);
  writer.close();
  // Another process may have finished first; either file is the same corpus.
  if (!existsSync(path)) renameSync(temp, path);
  else rmSync(temp, { force: true });
  return true;
}
