import { describe, expect, it } from 'vitest';
import {
  buildThresholdModel,
  countBelow,
  operatingPointAt,
  predictionsFromPointAtOne,
  type TestPrediction,
} from './threshold-model.ts';
import { thresholdSteps } from './threshold-steps.ts';

/** The server's rule (forest's operatingPoint), written plainly: runs when probability >= t. */
function serverPoint(test: readonly TestPrediction[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let unpushedCost = 0;
  let wasteRun = 0;
  let total = 0;
  let saved = 0;
  const skipped: TestPrediction[] = [];
  for (const g of test) {
    const runs = g.probability >= threshold;
    total += g.cost;
    if (!runs) {
      skipped.push(g);
      saved += g.cost;
    }
    if (g.pushed) {
      if (runs) tp++;
      else fn++;
    } else {
      unpushedCost += g.cost;
      if (runs) {
        fp++;
        wasteRun += g.cost;
      } else tn++;
    }
  }
  return {
    threshold,
    freshness: tp + fn === 0 ? 1 : tp / (tp + fn),
    waste: unpushedCost === 0 ? 0 : wasteRun / unpushedCost,
    computeSavedCpuHours: saved / 3600,
    computeSavedShare: total === 0 ? 0 : saved / total,
    pushedLost: fn,
    confusion: { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn },
    skipped,
  };
}

/** Deterministic test graphlets with ties and probability-1 graphlets. */
function fixture(n: number): TestPrediction[] {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, () => {
    const pushed = next() < 0.3;
    const raw = pushed ? 0.4 + next() * 0.7 : next() * 0.8;
    return {
      probability: Math.min(1, Math.round(raw * 20) / 20),
      pushed,
      cost: Math.round(next() * 5000) + 1,
    };
  });
}

function clientModel(test: readonly TestPrediction[]) {
  const atOne = serverPoint(test, 1);
  const { predictions, always } = predictionsFromPointAtOne(atOne);
  return buildThresholdModel(predictions, always);
}

describe('operatingPointAt', () => {
  const test = fixture(300);
  const model = clientModel(test);
  const thresholds = [
    0,
    0.001,
    0.05,
    0.333,
    0.5,
    0.55,
    0.999,
    1,
    ...thresholdSteps(
      [...new Set(test.map((g) => g.probability))].map((threshold) => ({ threshold })),
    ),
  ];

  it('matches the server at every step and between steps', () => {
    for (const t of thresholds) {
      const server = serverPoint(test, t);
      const ours = operatingPointAt(model, t);
      expect(ours.confusion).toEqual(server.confusion);
      expect(ours.pushedLost).toBe(server.pushedLost);
      expect(ours.skippedCount).toBe(server.skipped.length);
      expect(ours.freshness).toBe(server.freshness);
      expect(ours.waste).toBeCloseTo(server.waste, 12);
      expect(ours.computeSavedCpuHours).toBeCloseTo(server.computeSavedCpuHours, 9);
      expect(ours.computeSavedShare).toBeCloseTo(server.computeSavedShare, 12);
      expect(ours.testGraphlets).toBe(test.length);
    }
  });

  it('runs everything at 0 and keeps the probability-1 graphlets at 1', () => {
    expect(operatingPointAt(model, 0)).toMatchObject({ freshness: 1, waste: 1, skippedCount: 0 });
    const atOne = operatingPointAt(model, 1);
    expect(atOne.confusion.truePositives).toBe(
      test.filter((g) => g.pushed && g.probability >= 1).length,
    );
  });

  it('handles a test set where nothing can be skipped', () => {
    const all = [
      { probability: 1, pushed: true, cost: 10 },
      { probability: 1, pushed: false, cost: 5 },
    ];
    const m = clientModel(all);
    expect(operatingPointAt(m, 0.5)).toMatchObject({ freshness: 1, waste: 1, skippedCount: 0 });
    expect(operatingPointAt(m, 0.5).computeSavedShare).toBe(0);
  });

  it('answers a threshold well under 16 ms on 20,000 graphlets', () => {
    const big = clientModel(fixture(20_000));
    const start = performance.now();
    for (let i = 0; i <= 1000; i++) operatingPointAt(big, i / 1000);
    expect((performance.now() - start) / 1001).toBeLessThan(1);
  });
});

describe('countBelow', () => {
  it('counts values strictly below x in an ascending array', () => {
    const values = [0.1, 0.2, 0.2, 0.5];
    expect(countBelow(values, 0)).toBe(0);
    expect(countBelow(values, 0.2)).toBe(1);
    expect(countBelow(values, 0.21)).toBe(3);
    expect(countBelow(values, 2)).toBe(4);
  });
});
