import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FreshnessInput, freshnessCurve, operatingPoint } from './freshness-curve.ts';

/**
 * Paper §5.3.2's worked example: every pushed graphlet runs, 65% of the unpushed ones (13 of 20)
 * are skipped, and their compute is 30% of the unpushed compute: the point (waste 0.7, freshness 1).
 */
function workedExample(): FreshnessInput {
  const probability: number[] = [];
  const pushed: number[] = [];
  const cost: number[] = [];
  const add = (p: number, y: number, c: number) => {
    probability.push(p);
    pushed.push(y);
    cost.push(c);
  };
  for (let i = 0; i < 5; i++) add(0.9 - i * 0.05, 1, 10); // pushed, all above 0.6
  for (let i = 0; i < 7; i++) add(0.6 + i * 0.01, 0, 10); // unpushed that still run: 70
  for (let i = 0; i < 12; i++) add(0.1 + i * 0.01, 0, 2); // unpushed skipped: 24
  add(0.3, 0, 6); // unpushed skipped: 6, so 30 of 100 skipped
  return { probability, pushed, cost };
}

describe('operatingPoint', () => {
  it('reproduces the paper worked example (0.7, 1)', () => {
    const point = operatingPoint(workedExample(), 0.5);
    expect(point.freshness).toBe(1);
    expect(point.waste).toBeCloseTo(0.7, 12);
    expect(point.pushedLost).toBe(0);
    expect(point.computeSaved).toBe(30);
    expect(point.computeSavedShare).toBeCloseTo(30 / 150, 12);
    expect(Array.from(point.skipped)).toEqual(Array.from({ length: 13 }, (_, i) => 12 + i));
    expect(point.confusion).toEqual({
      truePositives: 5,
      falsePositives: 7,
      trueNegatives: 13,
      falseNegatives: 0,
    });
  });

  it('counts lost pushed graphlets when the threshold passes them', () => {
    const point = operatingPoint(workedExample(), 0.82);
    expect(point.pushedLost).toBe(3);
    expect(point.freshness).toBeCloseTo(2 / 5, 12);
    expect(point.waste).toBe(0);
    expect(point.computeSaved).toBe(130);
  });
});

describe('freshnessCurve', () => {
  it('runs from (0, 0) to (1, 1) through the worked example point, one point per distinct threshold', () => {
    const input = workedExample();
    const curve = freshnessCurve(input);
    expect(curve.length).toBe(new Set(input.probability as number[]).size + 1);
    expect(curve[0]).toEqual({ threshold: 1, freshness: 0, waste: 0 });
    expect(curve.at(-1)).toEqual({ threshold: 0.1, freshness: 1, waste: 1 });
    const atExample = curve.find((p) => p.threshold === 0.6)!;
    expect(atExample.freshness).toBe(1);
    expect(atExample.waste).toBeCloseTo(0.7, 12);
  });

  it('moves tied probabilities together and puts the first threshold above a probability of 1', () => {
    const curve = freshnessCurve({
      probability: [1, 1, 0, 0],
      pushed: [1, 0, 1, 0],
      cost: [1, 3, 1, 1],
    });
    expect(curve.map((p) => [p.freshness, p.waste])).toEqual([
      [0, 0],
      [0.5, 0.75],
      [1, 1],
    ]);
    expect(curve[0]!.threshold).toBeGreaterThan(1);
    expect(curve[1]!.threshold).toBe(1);
    expect(curve[2]!.threshold).toBe(0);
  });

  it('is monotone and agrees with operatingPoint at every threshold', () => {
    const graphlet = fc.record({
      p: fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
      y: fc.integer({ min: 0, max: 1 }),
      c: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(graphlet, { minLength: 1, maxLength: 60 }), (rows) => {
        const input = {
          probability: rows.map((r) => r.p),
          pushed: rows.map((r) => r.y),
          cost: rows.map((r) => r.c),
        };
        const curve = freshnessCurve(input);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.threshold).toBeLessThan(curve[i - 1]!.threshold);
          expect(curve[i]!.freshness).toBeGreaterThanOrEqual(curve[i - 1]!.freshness);
          expect(curve[i]!.waste).toBeGreaterThanOrEqual(curve[i - 1]!.waste);
        }
        for (const point of curve) {
          const op = operatingPoint(input, point.threshold);
          expect(op.freshness).toBeCloseTo(point.freshness, 9);
          expect(op.waste).toBeCloseTo(point.waste, 9);
        }
      }),
    );
  });

  it('defines freshness 1 without pushed graphlets and waste 0 without unpushed compute', () => {
    const curve = freshnessCurve({ probability: [0.2, 0.7], pushed: [0, 0], cost: [0, 0] });
    for (const point of curve) expect([point.freshness, point.waste]).toEqual([1, 0]);
    expect(freshnessCurve({ probability: [], pushed: [], cost: [] })).toEqual([
      { threshold: 1, freshness: 1, waste: 0 },
    ]);
  });

  it('rejects inconsistent input', () => {
    expect(() => freshnessCurve({ probability: [0.5], pushed: [], cost: [1] })).toThrow(
      /freshness-curve: 1 probabilities, 0 pushed/,
    );
    expect(() => freshnessCurve({ probability: [Number.NaN], pushed: [1], cost: [1] })).toThrow(
      /probability 0 is NaN/,
    );
    expect(() => operatingPoint({ probability: [0.5], pushed: [2], cost: [1] }, 0.5)).toThrow(
      /pushed 0 is 2/,
    );
    expect(() => operatingPoint({ probability: [0.5], pushed: [1], cost: [-1] }, 0.5)).toThrow(
      /cost 0 is -1/,
    );
  });
});
