import { createStatsAccumulator, segmentGraphlets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from './generate-corpus.ts';

// The calibration bar is stated for 300 pipelines: with fewer, the few fastest pipelines hold
// most consecutive pairs and Table 1 swings by ±10 points. 300 pipelines take ~8 s here.
describe('calibration (300 pipelines)', () => {
  const stats = (() => {
    const acc = createStatsAccumulator();
    for (const trace of generateCorpus({ pipelines: 300, seed: 3 })) {
      acc.add(trace, segmentGraphlets(trace).graphlets);
    }
    return acc.finish();
  })();
  const { figures: f, tables: t } = stats;

  it('pushes ~20% of graphlets, at most 0.6 per model type', () => {
    expect(stats.corpus.pushedShare).toBeGreaterThan(0.17);
    expect(stats.corpus.pushedShare).toBeLessThan(0.23);
    for (const p of Object.values(f['9f'].likelihood)) if (p !== null) expect(p).toBeLessThan(0.6);
    expect(f['9c'].mean).toBeGreaterThan(2);
    expect(f['9c'].mean).toBeLessThan(4);
  });

  it('matches lifespan and cadence', () => {
    expect(f['3a'].mean).toBeGreaterThan(30);
    expect(f['3a'].mean).toBeLessThan(42);
    expect(f['3b'].mean).toBeGreaterThan(4);
    expect(f['3b'].mean).toBeLessThan(10);
    expect(f['3a'].max).toBeLessThanOrEqual(130);
    expect(f['3b'].median).toBeGreaterThan(0.6);
    expect(f['3b'].median).toBeLessThan(1.6);
    expect(f['3b'].max).toBeGreaterThan(100);
    expect(stats.corpus.maxTraceNodes).toBeLessThanOrEqual(6960);
  });

  it('matches model types, operator presence and compute shares', () => {
    expect(f['5'].shares.DNN).toBeGreaterThan(0.6);
    expect(f['5'].shares.DNN).toBeLessThan(0.68);
    expect(f['6'].shares.training).toBe(1);
    expect(f['6'].shares.deployment).toBe(1);
    for (const g of ['data_validation', 'model_validation'] as const) {
      expect(f['6'].shares[g]).toBeGreaterThan(0.35);
      expect(f['6'].shares[g]).toBeLessThan(0.65);
    }
    expect(f['7'].shares.training).toBeGreaterThan(0.2);
    expect(f['7'].shares.training).toBeLessThan(0.33);
    expect(f['7'].shares.ingestion).toBeGreaterThan(0.18);
    expect(f['7'].shares.ingestion).toBeLessThan(0.26);
    expect(f['7'].validationShare).toBeGreaterThan(0.3);
    expect(f['7'].validationShare).toBeLessThan(0.4);
  });

  it('matches Table 1 and Table 2 within the bar', () => {
    const near = (
      row: { bins: readonly number[] | null; mean: number | null },
      bins: number[],
      mean: number,
      tol: number,
    ) => {
      expect(row.bins).toHaveLength(4);
      for (const [i, b] of (row.bins ?? []).entries()) {
        expect(Math.abs(b - bins[i]!)).toBeLessThanOrEqual(0.05);
      }
      expect(Math.abs(row.mean! - mean)).toBeLessThan(tol);
    };
    near(t['1'].jaccard, [0.302, 0.082, 0.044, 0.573], 0.647, 0.05);
    near(t['1'].dataset, [0.897, 0.003, 0.001, 0.099], 0.101, 0.03);
    near(t['1'].datasetPerPipeline, [0.873, 0.05, 0.031, 0.046], 0.092, 0.03);
    expect(Math.abs(t['2'].codeMatch.all! - 0.845)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(t['2'].inputSimilarity.all! - 0.101)).toBeLessThanOrEqual(0.02);
  });
});
