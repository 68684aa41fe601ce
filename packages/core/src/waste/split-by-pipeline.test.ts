import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SplittableTable, splitByPipeline } from './split-by-pipeline.ts';

/** A table of pipelines with the given graphlet counts; pushed rows where `pushedEvery` divides. */
function table(counts: readonly number[], pushedEvery = 5): SplittableTable {
  const pipeline: number[] = [];
  const pushed: number[] = [];
  counts.forEach((n, p) => {
    for (let i = 0; i < n; i++) {
      pipeline.push(p);
      pushed.push((p + i) % pushedEvery === 0 ? 1 : 0);
    }
  });
  return {
    nRows: pipeline.length,
    pipelines: counts.map((_, p) => `p${p}`),
    pipeline: Int32Array.from(pipeline),
    pushed: Uint8Array.from(pushed),
  };
}

describe('splitByPipeline', () => {
  const counts = Array.from({ length: 300 }, (_, p) => 20 + ((p * 37) % 180));
  const t = table(counts);

  it('keeps every pipeline on one side and puts ~80% of graphlets and of pushed in training', () => {
    const split = splitByPipeline(t, { seed: 1 });
    const side = new Map<number, number>();
    let mixed = 0;
    for (let r = 0; r < t.nRows; r++) {
      const p = t.pipeline[r]!;
      const s = split.isTrain[r]!;
      if ((side.get(p) ?? s) !== s) mixed++;
      side.set(p, s);
    }
    expect(mixed).toBe(0);
    expect(split.train.length + split.test.length).toBe(t.nRows);
    expect(split.train.length / t.nRows).toBeCloseTo(0.8, 2);
    let pushed = 0;
    let trainPushed = 0;
    for (let r = 0; r < t.nRows; r++) {
      pushed += t.pushed[r]!;
      if (split.isTrain[r] === 1) trainPushed += t.pushed[r]!;
    }
    expect(trainPushed / pushed).toBeCloseTo(0.8, 2);
    expect(split.trainPipelines + split.testPipelines).toBe(300);
    expect(Array.from(split.train)).toEqual([...split.train].sort((a, b) => a - b));
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = splitByPipeline(t, { seed: 7 });
    expect(splitByPipeline(t, { seed: 7 }).isTrain).toEqual(a.isTrain);
    expect(splitByPipeline(t, { seed: 8 }).isTrain).not.toEqual(a.isTrain);
  });

  it('honours trainShare and never leaves a side empty with two pipelines', () => {
    expect(splitByPipeline(t, { seed: 2, trainShare: 0.5 }).train.length / t.nRows).toBeCloseTo(
      0.5,
      2,
    );
    const two = splitByPipeline(table([10, 10]));
    expect([two.train.length, two.test.length]).toEqual([10, 10]);
    expect(splitByPipeline(table([4])).test.length).toBe(0);
    expect(() => splitByPipeline(t, { trainShare: 1 })).toThrow(/waste: trainShare/);
  });

  it('stays within 5 points of the target share for 50+ random pipelines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 50, maxLength: 120 }),
        fc.integer({ min: 0, max: 1000 }),
        (sizes, seed) => {
          const s = splitByPipeline(table(sizes, 4), { seed });
          const n = s.train.length + s.test.length;
          expect(Math.abs(s.train.length / n - 0.8)).toBeLessThan(0.05);
        },
      ),
      { numRuns: 50 },
    );
  });
});
