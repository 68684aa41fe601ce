import { type FreshnessInput, operatingPoint } from '@graphlet/forest';
import { describe, expect, it } from 'vitest';
import { type PointAtOne, testSetFromPointAtOne } from './test-set.ts';
import { thresholdSteps } from './threshold-steps.ts';

/** Deterministic test graphlets with ties and probability-1 graphlets. */
function fixture(n: number): FreshnessInput {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const probability: number[] = [];
  const pushed: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < n; i++) {
    const isPushed = next() < 0.3;
    const raw = isPushed ? 0.4 + next() * 0.7 : next() * 0.8;
    probability.push(Math.min(1, Math.round(raw * 20) / 20));
    pushed.push(isPushed ? 1 : 0);
    cost.push(Math.round(next() * 5000) + 1);
  }
  return { probability, pushed, cost };
}

/** The server's answer at threshold 1 (routes/waste.ts), from forest's operating point. */
function serverPointAtOne(test: FreshnessInput): PointAtOne {
  const p = operatingPoint(test, 1);
  return {
    waste: p.waste,
    computeSavedCpuHours: p.computeSaved / 3600,
    computeSavedShare: p.computeSavedShare,
    confusion: p.confusion,
    skipped: Array.from(p.skipped, (i) => ({
      traceId: 't-1',
      pipeline: 'p',
      trainer: i,
      pushed: test.pushed[i] === 1,
      probability: test.probability[i]!,
      cost: test.cost[i]!,
    })),
  };
}

/** Expects the rebuilt test set to give the server's operating point at `threshold`. */
function expectSamePoint(original: FreshnessInput, rebuilt: FreshnessInput, threshold: number) {
  const server = operatingPoint(original, threshold);
  const ours = operatingPoint(rebuilt, threshold);
  expect(ours.confusion).toEqual(server.confusion);
  expect(ours.pushedLost).toBe(server.pushedLost);
  expect(ours.skipped.length).toBe(server.skipped.length);
  expect(ours.freshness).toBe(server.freshness);
  expect(ours.waste).toBeCloseTo(server.waste, 12);
  expect(ours.computeSaved).toBeCloseTo(server.computeSaved, 6);
  expect(ours.computeSavedShare).toBeCloseTo(server.computeSavedShare, 12);
}

describe('testSetFromPointAtOne', () => {
  const test = fixture(300);
  const rebuilt = testSetFromPointAtOne(serverPointAtOne(test));
  const steps = thresholdSteps(
    [...new Set(Array.from(test.probability))].map((threshold) => ({ threshold })),
  );

  it('holds every test graphlet, the always-run ones at probability 1', () => {
    expect(rebuilt.probability.length).toBe(300);
    const atOne = Array.from(test.probability).filter((p) => p >= 1).length;
    expect(atOne).toBeGreaterThan(0);
    expect(Array.from(rebuilt.probability).filter((p) => p >= 1).length).toBe(atOne);
  });

  it("gives the server's operating point at every step and between steps", () => {
    for (const t of [0, 0.001, 0.05, 0.333, 0.5, 0.55, 0.999, 1, ...steps]) {
      expectSamePoint(test, rebuilt, t);
    }
  });

  it('runs everything at 0 and keeps the probability-1 graphlets at 1', () => {
    expect(operatingPoint(rebuilt, 0)).toMatchObject({ freshness: 1, waste: 1, pushedLost: 0 });
    expect(operatingPoint(rebuilt, 0).skipped.length).toBe(0);
    expect(operatingPoint(rebuilt, 1).confusion.truePositives).toBe(
      Array.from(test.probability).filter((p, i) => test.pushed[i] === 1 && p >= 1).length,
    );
  });

  it('handles a test set where nothing can be skipped', () => {
    const all = { probability: [1, 1], pushed: [1, 0], cost: [10, 5] };
    const m = testSetFromPointAtOne(serverPointAtOne(all));
    for (const t of [0, 0.5, 1]) expectSamePoint(all, m, t);
    expect(operatingPoint(m, 0.5)).toMatchObject({ freshness: 1, waste: 1, computeSavedShare: 0 });
  });

  it('handles a test set below probability 1 throughout, and one without unpushed compute', () => {
    const below = { probability: [0.2, 0.4, 0.9], pushed: [0, 1, 0], cost: [3, 4, 5] };
    const free = { probability: [0.2, 1, 1], pushed: [1, 0, 1], cost: [3, 0, 2] };
    for (const set of [below, free]) {
      const m = testSetFromPointAtOne(serverPointAtOne(set));
      for (const t of [0, 0.3, 0.9, 1]) expectSamePoint(set, m, t);
    }
  });
});
