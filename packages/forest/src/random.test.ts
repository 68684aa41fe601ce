import { describe, expect, it } from 'vitest';
import { randomBelow, splitmix32, treeSeed } from './random.ts';

describe('random', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const take = (seed: number) => {
      const random = splitmix32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    for (const v of take(9)) expect(v >= 0 && v < 2 ** 32 && Number.isInteger(v)).toBe(true);
  });

  it('draws integers below n about uniformly', () => {
    const random = splitmix32(1);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[randomBelow(random, 10)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('gives every tree of a forest its own seed', () => {
    const seeds = new Set(Array.from({ length: 1000 }, (_, i) => treeSeed(42, i)));
    expect(seeds.size).toBe(1000);
    expect(treeSeed(42, 3)).not.toBe(treeSeed(43, 3));
  });
});
