import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBins, binFeatures, binOf, nanBin } from './bin-features.ts';

/** A one-column matrix. */
const column = (values: number[]) => ({
  values: Float64Array.from(values),
  nRows: values.length,
  nFeatures: 1,
});

describe('binFeatures', () => {
  it('gives a constant column no edges and one bin, NaN its own bin', () => {
    const binned = binFeatures(column([3, 3, 3, Number.NaN]));
    expect(Array.from(binned.edges[0]!)).toEqual([]);
    expect(Array.from(binned.bins)).toEqual([0, 0, 0, nanBin(binned.edges[0]!)]);
    expect(nanBin(binned.edges[0]!)).toBe(1);
  });

  it('puts each of a few distinct values in its own bin, with midpoint edges', () => {
    const binned = binFeatures(column([5, 1, 2, 5, 1, Number.NaN, 2]));
    expect(Array.from(binned.edges[0]!)).toEqual([1.5, 3.5]);
    expect(Array.from(binned.bins)).toEqual([2, 0, 1, 2, 0, 3, 1]);
  });

  it('handles an all-NaN column and infinities', () => {
    expect(Array.from(binFeatures(column([Number.NaN, Number.NaN])).bins)).toEqual([1, 1]);
    const binned = binFeatures(column([Number.NEGATIVE_INFINITY, 0, Number.POSITIVE_INFINITY]));
    expect(Array.from(binned.bins)).toEqual([0, 1, 2]);
  });

  it('stores bins column-major', () => {
    const binned = binFeatures({
      values: Float64Array.from([0, 10, 1, 20, 2, 30]),
      nRows: 3,
      nFeatures: 2,
    });
    expect(Array.from(binned.bins)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('makes about equal-count bins of many distinct values, at most maxBins', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);
    const binned = binFeatures(column(values), { maxBins: 10 });
    expect(binned.edges[0]!.length).toBe(9);
    const counts = new Array(10).fill(0);
    for (const b of binned.bins) counts[b]++;
    for (const c of counts) expect(c).toBe(1000);
  });

  it('bins new rows consistently: v <= edges[b] exactly when its bin is <= b', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true }),
            fc.constant(Number.NaN),
            fc.integer({ min: -3, max: 3 }),
          ),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        fc.array(fc.double(), { maxLength: 50 }),
        fc.integer({ min: 2, max: 255 }),
        (train, fresh, maxBins) => {
          const binned = binFeatures(column(train), { maxBins });
          const edges = binned.edges[0]!;
          expect(edges.length).toBeLessThan(maxBins);
          for (let i = 1; i < edges.length; i++) expect(edges[i]!).toBeGreaterThan(edges[i - 1]!);
          const bins = applyBins(binned.edges, column(fresh));
          fresh.forEach((v, i) => {
            expect(bins[i]).toBe(binOf(edges, v));
            if (Number.isNaN(v)) expect(bins[i]).toBe(nanBin(edges));
            else for (let b = 0; b < edges.length; b++) expect(v <= edges[b]!).toBe(bins[i]! <= b);
          });
        },
      ),
    );
  });

  it('rejects a shape that does not match the values', () => {
    expect(() => binFeatures({ values: new Float64Array(5), nRows: 2, nFeatures: 2 })).toThrow(
      /forest: values has 5 entries/,
    );
    expect(() => binFeatures(column([1]), { maxBins: 256 })).toThrow(/forest: maxBins/);
  });
});
