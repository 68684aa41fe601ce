import { buildFeatureTable, segmentGraphlets, splitByPipeline } from '@graphlet/core';
import { trainForest } from '@graphlet/forest';
import { describe, expect, it } from 'vitest';
import { evaluateVariant, wasteRemovedAt } from './evaluate-variant.ts';
import { transformPushesCorpus } from './testing/transform-pushes-corpus.ts';

describe('evaluateVariant', () => {
  const table = buildFeatureTable(
    transformPushesCorpus(10, 6).map((trace) => ({
      trace,
      graphlets: segmentGraphlets(trace).graphlets,
    })),
  );
  const split = splitByPipeline(table, { seed: 3 });

  it('scores every test row in split order and places the operating point', async () => {
    const e = await evaluateVariant(
      table,
      split,
      'RF:Input+Pre',
      (m, y) => trainForest(m, y, { trees: 5, seed: 1 }),
      0.5,
    );
    expect(e.probabilities).toHaveLength(split.test.length);
    // The push rule is "a Transform ran", visible in the pre-trainer shape.
    split.test.forEach((row, i) => {
      expect(e.probabilities[i]! >= 0.5 ? 1 : 0).toBe(table.pushed[row]);
    });
    expect(e.balancedAccuracy).toBe(1);
    expect(e.operatingPoint).toMatchObject({ freshness: 1, waste: 0, pushedLost: 0 });
    expect(wasteRemovedAt(e.curve, 1)).toBe(1);
    expect(e.features).toContain('pre.count.transform');
    expect(e.features).not.toContain('trainer.count');
  });
});

describe('wasteRemovedAt', () => {
  it('takes the least waste among points fresh enough', () => {
    const curve = [
      { threshold: 1, freshness: 0, waste: 0 },
      { threshold: 0.8, freshness: 0.5, waste: 0.1 },
      { threshold: 0.6, freshness: 0.99, waste: 0.4 },
      { threshold: 0.2, freshness: 1, waste: 0.7 },
      { threshold: 0, freshness: 1, waste: 1 },
    ];
    expect(wasteRemovedAt(curve, 0.99)).toBeCloseTo(0.6);
    expect(wasteRemovedAt(curve, 1)).toBeCloseTo(0.3);
    expect(wasteRemovedAt(curve, 0.4)).toBeCloseTo(0.9);
  });
});
