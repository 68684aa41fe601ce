import { createStatsAccumulator, pipelineStatsState, segmentGraphlets } from '@graphlet/core';
import { differencesBeyondRounding } from '@graphlet/core/testing';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './generate-corpus.ts';

describe('statistics merged from pipelines measured apart', () => {
  it('equal one pass over a generated corpus with every figure available', () => {
    const pipelines = [...generateCorpus({ pipelines: 60, seed: 5 })].map((trace) => ({
      trace,
      graphlets: segmentGraphlets(trace).graphlets,
    }));
    const direct = createStatsAccumulator();
    const merged = createStatsAccumulator();
    for (const p of pipelines) {
      direct.add(p.trace, p.graphlets);
      merged.merge(JSON.parse(JSON.stringify(pipelineStatsState(p.trace, p.graphlets))));
    }
    const whole = direct.finish();
    expect(differencesBeyondRounding(merged.finish(), whole)).toEqual([]);
    expect(differencesBeyondRounding(merged.save(), direct.save())).toEqual([]);
    // The corpus exercises what the merge carries: model types, analyzers, features, pairs.
    expect(whole.figures['5'].available).toBe(true);
    expect(whole.figures['4'].available).toBe(true);
    expect(whole.tables['2'].codeMatch.available).toBe(true);
    expect(whole.tables['1'].dataset.available).toBe(true);
  });
});
