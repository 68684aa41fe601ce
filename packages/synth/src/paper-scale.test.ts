import { describe, expect, it } from 'vitest';
import { PAPER_PIPELINES, planCorpusPipeline } from './generate-corpus.ts';

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

  it('plans the same pipeline whatever else is planned', () => {
    expect(planCorpusPipeline(3, 123)).toEqual(planCorpusPipeline(3, 123));
  });
});
