import { WASTE_VARIANTS } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import {
  curvePointTooltip,
  curveSeries,
  formatThreshold,
  nearestPointIndex,
  VARIANT_STYLES,
} from './curve-series.ts';
import { skippedByTrace } from './skipped-by-trace.ts';
import { table3Rows } from './table-3-rows.ts';
import { trainPlan, trainProgress } from './train-plan.ts';
import { variantModels } from './variant-models.ts';
import { FIGURE_10A, FIGURE_10B } from './waste-variants.ts';

const curve = [
  { threshold: 1.0000000000000002, freshness: 0, waste: 0 },
  { threshold: 0.8, freshness: 0.5, waste: 0.1 },
  { threshold: 0.4, freshness: 0.9, waste: 0.4 },
  { threshold: 0, freshness: 1, waste: 1 },
];

describe('Figure 10 series', () => {
  it('keeps the figure order, drops variants without a curve, sorts points by waste', () => {
    const series = curveSeries(
      { 'RF:Validation': curve, 'RF:Input': [...curve].reverse() },
      FIGURE_10A,
    );
    expect(series.map((s) => s.style.variant)).toEqual(['RF:Input', 'RF:Validation']);
    expect(series[0]?.points.map((p) => p.waste)).toEqual([0, 0.1, 0.4, 1]);
  });
  it('gives every variant a distinct colour and dash', () => {
    const styles = WASTE_VARIANTS.map((v) => VARIANT_STYLES[v]);
    expect(new Set(styles.map((s) => s.color)).size).toBe(7);
    expect(new Set(styles.map((s) => s.dash)).size).toBe(7);
    expect(FIGURE_10B[0]).toBe('RF:Input+Pre+Trainer');
  });
  it('writes tooltips with exact values', () => {
    const text = curvePointTooltip(curve[2]!, VARIANT_STYLES['RF:Input']);
    expect(text.title).toBe('RF:Input at threshold 0.4');
    expect(text.lines.map((l) => l.value)).toEqual(['90.0%', '40.0%']);
    expect(curvePointTooltip(curve[0]!, VARIANT_STYLES['RF:Input']).title).toBe(
      'RF:Input: nothing runs',
    );
    expect(formatThreshold(0.41666666)).toBe('0.4167');
  });
  it('finds the nearest point, never the one above threshold 1', () => {
    expect(nearestPointIndex(curve, 0.35, 0.85)).toBe(2);
    expect(nearestPointIndex(curve, 0, 0)).toBe(1);
    expect(nearestPointIndex([], 0, 0)).toBe(-1);
  });
});

describe('Table 3 rows', () => {
  it('puts ours beside the paper, dashes where a number is missing', () => {
    const rows = table3Rows(
      new Map([
        [
          'RF:Input+Pre',
          {
            model: 'wm-2',
            row: {
              variant: 'RF:Input+Pre',
              balancedAccuracy: 0.8123,
              featureCost: null,
              wasteRemovedAtFreshness99: 0.5,
            },
          },
        ],
      ]),
    );
    expect(rows.map((r) => r.variant)).toEqual([...WASTE_VARIANTS]);
    expect(rows[1]).toEqual({
      variant: 'RF:Input+Pre',
      ours: { model: 'wm-2', balancedAccuracy: '.812', featureCost: '—', wasteRemoved99: '50.0%' },
      paper: { balancedAccuracy: '.801', featureCost: '.530' },
    });
    expect(rows[0]?.ours).toBeNull();
    // Table 3 prints the baseline's cost, .770, for every ablation.
    expect(rows[6]?.paper).toEqual({ balancedAccuracy: '.592', featureCost: '.770' });
  });
});

describe('variant models', () => {
  const model = (id: string, variants: string[], trees = 100) => ({
    id,
    variants,
    scope: { traces: null, pipelines: 11, testGraphlets: 102 },
    trees,
    seed: 0,
  });
  it('joins the selected model with its newest companions of the same experiment', () => {
    const models = [
      model('wm-9', ['RF:Shape'], 10),
      model('wm-8', ['RF:History']),
      model('wm-7', ['RF:History']),
      model('wm-6', ['RF:Input', 'RF:Input+Pre']),
    ];
    const map = variantModels(models, models[3]!);
    expect([...map]).toEqual([
      ['RF:Input', 'wm-6'],
      ['RF:Input+Pre', 'wm-6'],
      ['RF:History', 'wm-8'],
    ]);
  });
});

describe('training plan', () => {
  const plan = trainPlan(20);
  it('trains the main variants, then each ablation, with the same trees and seed', () => {
    expect(plan.map((s) => s.body)).toEqual([
      { trees: 20, seed: 0 },
      { variant: 'RF:History', trees: 20, seed: 0 },
      { variant: 'RF:Shape', trees: 20, seed: 0 },
      { variant: 'RF:Model-Type', trees: 20, seed: 0 },
    ]);
  });
  it('reports variant i of 7 and trees done', () => {
    const p = trainProgress(plan, 0, {
      stage: 'training',
      variant: 'RF:Input+Pre',
      variantIndex: 2,
      variantCount: 4,
      treesDone: 10,
      treesTotal: 20,
    });
    expect(p.label).toBe('Variant 2 of 7 (RF:Input+Pre) · trees 10 of 20');
    expect(p.fraction).toBeCloseTo(1.5 / 7);
    const q = trainProgress(plan, 2, { stage: 'features', tracesDone: 3, tracesTotal: 12 });
    expect(q).toEqual({
      fraction: 5 / 7,
      label: 'Variant 6 of 7: preparing · features of 3 of 12 traces',
    });
  });
});

describe('skipped by trace', () => {
  it('groups, counts lost pushes and sorts by skipped count', () => {
    const g = (traceId: string, trainer: number, pushed = false) => ({
      traceId,
      pipeline: `p-${traceId}`,
      trainer,
      pushed,
      probability: 0.1,
      cost: 1800,
    });
    const groups = skippedByTrace([g('b', 9), g('a', 3), g('b', 2, true)]);
    expect(
      groups.map((t) => [
        t.traceId,
        t.graphlets.map((x) => x.trainer),
        t.pushedLost,
        t.computeSaved,
      ]),
    ).toEqual([
      ['b', [2, 9], 1, 1],
      ['a', [3], 0, 0.5],
    ]);
  });
});
