import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  distributionOf,
  histogram,
  linearEdges,
  logEdges,
  percentile,
  quarterBins,
  summarize,
  ValueSink,
} from './distribution.ts';

const sink = (values: number[]) => {
  const s = new ValueSink();
  for (const v of values) s.push(v);
  return s;
};

describe('summarize', () => {
  it('computes count, mean, interpolated median and p90, max', () => {
    const s = summarize(sink([4, 1, 3, 2, 10]).sorted());
    expect(s).toMatchObject({ count: 5, mean: 4, median: 3, max: 10 });
    expect(s.p90).toBeCloseTo(7.6, 12);
  });

  it('is all null without values', () => {
    expect(summarize(new Float64Array())).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      max: null,
    });
  });

  it('ignores non-finite values and grows past its first buffer', () => {
    const s = sink([Number.NaN, Number.POSITIVE_INFINITY]);
    for (let i = 0; i < 1000; i++) s.push(i);
    expect(s.length).toBe(1000);
    expect(percentile(s.sorted(), 0.5)).toBe(499.5);
  });
});

describe('edges and histograms', () => {
  it('log edges span whole decades around the positive values', () => {
    expect(logEdges([new Float64Array([0, 0.5, 20])], 1)).toEqual([0.1, 1, 10, 100]);
    expect(logEdges([new Float64Array([0])], 4)).toEqual([]);
    expect(logEdges([new Float64Array([10])], 2)).toEqual([10, 31.6228, 100]);
  });

  it('linear edges start at 0 with a round step', () => {
    expect(linearEdges([new Float64Array([0, 3, 9.5])], 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(linearEdges([new Float64Array([0])], 5)).toEqual([0, 1]);
  });

  it('bins half-open, last bin closed, outside values clamped', () => {
    const h = histogram(new Float64Array([0, 1, 1.5, 2, 5]), [1, 2, 3], 'linear');
    expect(h.counts).toEqual([3, 2]);
    expect(h.pdf).toEqual([0.6, 0.4]);
    expect(h.cdf).toEqual([0.6, 1]);
  });

  it('counts every value exactly once (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }),
        (xs) => {
          const d = distributionOf(sink(xs), 'log', { binsPerDecade: 3, linearBins: 10 });
          const lin = distributionOf(sink(xs), 'linear', { binsPerDecade: 3, linearBins: 10 });
          const total = (c: readonly number[]) => c.reduce((a, b) => a + b, 0);
          const positive = xs.some((x) => x > 0);
          expect(total(d.histogram.counts)).toBe(positive ? xs.length : 0);
          expect(total(lin.histogram.counts)).toBe(xs.length);
          expect(lin.histogram.edges.at(-1)).toBeGreaterThanOrEqual(Math.max(...xs));
        },
      ),
    );
  });
});

describe('quarterBins', () => {
  it('uses the quarters [0, .25], (.25, .5], (.5, .75], (.75, 1]', () => {
    expect(quarterBins(sink([0, 0.25, 0.26, 0.5, 0.75, 1]))).toEqual({
      bins: [2 / 6, 2 / 6, 1 / 6, 1 / 6],
      mean: 2.76 / 6,
      count: 6,
    });
  });
});
