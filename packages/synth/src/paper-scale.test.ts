import { describe, expect, it } from 'vitest';
import { PAPER_PIPELINES, planCorpusPipeline } from './generate-corpus.ts';

describe('planCorpusPipeline', () => {
  it('plans the same pipeline whatever else is planned, before or after it', () => {
    // First in this file, so nothing else of seed 3 has been planned yet.
    const alone = planCorpusPipeline(3, 123);
    for (let i = PAPER_PIPELINES - 1; i >= 0; i -= 7) planCorpusPipeline(3, i);
    for (let i = 0; i < 300; i++) planCorpusPipeline(11, i);
    expect(planCorpusPipeline(3, 123)).toEqual(alone);
    // ... and the plan is the pipeline's own: its neighbour and another seed plan differently.
    expect(planCorpusPipeline(3, 124)).not.toEqual(alone);
    expect(planCorpusPipeline(4, 123)).not.toEqual(alone);
  });
});

// Planning is cheap (no trace is built), so the paper-sized corpus can be checked in full.
describe('paper-scale corpus plan (3,000 pipelines)', () => {
  it.each([1, 7])('holds ~450,000 graphlets (§3.1) under seed %i', (seed) => {
    let graphlets = 0;
    let pushed = 0;
    for (let i = 0; i < PAPER_PIPELINES; i++) {
      for (const run of planCorpusPipeline(seed, i).runs) {
        graphlets += run.trainers.length;
        pushed += run.trainers.filter((t) => t.pushed).length;
      }
    }
    expect(graphlets).toBeGreaterThan(400_000);
    expect(graphlets).toBeLessThan(500_000);
    expect(pushed / graphlets).toBeGreaterThan(0.17);
    expect(pushed / graphlets).toBeLessThan(0.23);
  });
});
