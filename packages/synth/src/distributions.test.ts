import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categorical,
  geometric,
  lognormal,
  normal,
  normalQuantile,
  poisson,
  uniformInt,
} from './distributions.ts';
import { seededRng } from './random.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('distributions', () => {
  const rng = seededRng(7, 0, 0);

  it('normal has the requested mean and sd', () => {
    const xs = draw(40_000, () => normal(rng, 3, 2));
    const m = mean(xs);
    expect(m).toBeCloseTo(3, 1);
    expect(Math.sqrt(mean(xs.map((x) => (x - m) ** 2)))).toBeCloseTo(2, 1);
  });

  it('lognormal has the requested median', () => {
    const xs = draw(20_001, () => lognormal(rng, 5, 1)).sort((a, b) => a - b);
    expect(xs[10_000]).toBeGreaterThan(4.7);
    expect(xs[10_000]).toBeLessThan(5.3);
  });

  it('poisson and geometric have their textbook means', () => {
    expect(mean(draw(20_000, () => poisson(rng, 4)))).toBeCloseTo(4, 1);
    expect(mean(draw(20_000, () => poisson(rng, 50)))).toBeCloseTo(50, 0);
    expect(mean(draw(20_000, () => geometric(rng, 0.25)))).toBeCloseTo(3, 1);
    expect(() => geometric(rng, 0)).toThrow(/synth: geometric/);
  });

  it('categorical follows the weights', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[categorical(rng, [1, 2, 7])]!++;
    expect(counts[0]! / 30_000).toBeCloseTo(0.1, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(0.7, 1);
    expect(categorical(undefined, [1, 1], 0.49)).toBe(0);
    expect(categorical(undefined, [1, 1], 0.51)).toBe(1);
  });

  it('normalQuantile inverts the normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it('uniformInt stays within bounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.nat(20), fc.nat(), (lo, width, seed) => {
        const x = uniformInt(seededRng(seed, 1, 1), lo, lo + width);
        return Number.isInteger(x) && x >= lo && x <= lo + width;
      }),
    );
  });
});
