import { describe, expect, it } from 'vitest';
import type { FeatureSummary } from './feature-statistics.ts';
import { featureAgrees, spanSimilarity } from './span-similarity.ts';

describe('featureAgrees', () => {
  const num = (mean: number, std: number) => ({ kind: 'numeric' as const, mean, std });
  const cat = (domainSize: number) => ({ kind: 'categorical' as const, domainSize });
  it.each([
    [num(10, 2), num(10.2, 2), true], // shift exactly 0.1
    [num(10, 2), num(10.3, 2), false], // shift 0.15
    [num(10, 2), num(10, 2.2), true], // ratio 1.1
    [num(10, 2), num(10, 2.3), false], // ratio 1.15
    [num(5, 0), num(5, 0), true],
    [num(5, 0), num(6, 0), false],
    [cat(100), cat(110), true],
    [cat(100), cat(112), false],
  ])('%o vs %o -> %s', (x, y, expected) => {
    expect(featureAgrees(x, y)).toBe(expected);
  });

  it('cannot compare different kinds or missing numbers', () => {
    expect(featureAgrees(num(1, 1), cat(3))).toBeUndefined();
    expect(featureAgrees({ kind: 'numeric', mean: 1 }, num(1, 1))).toBeUndefined();
    expect(featureAgrees({ kind: 'categorical' }, cat(1))).toBeUndefined();
  });
});

describe('spanSimilarity', () => {
  const num = (mean: number, std: number) => ({ kind: 'numeric' as const, mean, std });
  it('is the share of agreeing features among the comparable ones both spans have', () => {
    const a = new Map<string, FeatureSummary>([
      ['x', num(10, 2)],
      ['y', num(10, 2)],
      ['z', { kind: 'numeric' as const, mean: 1 }],
      ['only-a', num(0, 1)],
    ]);
    const b = new Map<string, FeatureSummary>([
      ['x', num(10.1, 2)],
      ['y', num(20, 2)],
      ['z', num(1, 1)],
    ]);
    expect(spanSimilarity(a, b)).toBe(1 / 2);
    expect(
      spanSimilarity(new Map([['z', num(1, 1)]]), new Map([['q', num(1, 1)]])),
    ).toBeUndefined();
  });
});
