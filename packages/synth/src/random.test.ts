import { describe, expect, it } from 'vitest';
import { pipelineQuantile } from './low-discrepancy.ts';
import { seededRng } from './random.ts';

describe('seededRng', () => {
  it('repeats for equal arguments and differs otherwise', () => {
    const first = seededRng(1, 2, 3);
    const again = seededRng(1, 2, 3);
    const other = seededRng(1, 2, 4);
    const xs = Array.from({ length: 5 }, () => first.float());
    expect(Array.from({ length: 5 }, () => again.float())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => other.float())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('pipelineQuantile', () => {
  it('covers [0, 1) evenly for any prefix', () => {
    for (const n of [50, 300]) {
      const bins = new Array(10).fill(0);
      for (let i = 0; i < n; i++) bins[Math.floor(pipelineQuantile(9, i, 0) * 10)]++;
      for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThanOrEqual(2);
    }
  });

  it('does not depend on how many pipelines follow, and rejects unknown dimensions', () => {
    expect(pipelineQuantile(4, 17, 3)).toBe(pipelineQuantile(4, 17, 3));
    expect(pipelineQuantile(4, 17, 3)).not.toBe(pipelineQuantile(5, 17, 3));
    expect(() => pipelineQuantile(4, 1, 99)).toThrow(/synth: pipelineQuantile/);
  });
});
