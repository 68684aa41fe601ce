import type { Distribution, Histogram, PaperTargets } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { categoryBars, withExtraCategories } from './category-bars.ts';
import { cdfDomain, cdfPoints, decadeTicks } from './cdf-series.ts';
import { formatAmount, formatEdge, formatShare } from './format-stat.ts';
import { hasValues, histogramRows, shareAxis } from './histogram-bars.ts';
import { distributionReferences, gapCdfReferences, gapReferences } from './panel-data.ts';
import { formatTarget, keyNumbers } from './paper-reference.ts';

const logHist = (counts: number[]): Histogram => {
  const edges = [0.1, 0.316228, 1, 3.16228, 10, 31.6228, 100];
  const total = counts.reduce((a, b) => a + b, 0);
  const pdf = counts.map((c) => c / total);
  let run = 0;
  const cdf = pdf.map((p) => {
    run += p;
    return run;
  });
  return { scale: 'log', edges, counts, pdf, cdf };
};
const linearHist: Histogram = {
  scale: 'linear',
  edges: [0, 10, 20, 30],
  counts: [1, 2, 1],
  pdf: [0.25, 0.5, 0.25],
  cdf: [0.25, 0.75, 1],
};
const dist = (histogram: Histogram, mean: number | null): Distribution => ({
  count: histogram.counts.reduce((a, b) => a + b, 0),
  mean,
  median: null,
  p90: null,
  max: null,
  histogram,
});
const paper: PaperTargets = {
  'figures.3a.mean': { label: 'mean lifespan (days)', value: 36, relation: '=', section: '§3.1' },
  'figures.9a.pushed.mean': { label: 'pushed gap', value: 40, relation: '~', section: '§4.3.2' },
  'figures.9f.likelihood.DNN': { label: 'DNN', value: 0.6, relation: '<', section: '§4.3.2' },
  'figures.9f.likelihood.Tree': { label: 'Tree', value: 0.6, relation: '<', section: '§4.3.2' },
  'figures.5.shares.DNN': { label: 'DNN share', value: 0.64, relation: '=', section: '§3.2' },
};

describe('histogramRows', () => {
  it('maps log bins to bars labelled at whole decades, with open end bins', () => {
    const rows = histogramRows([{ key: 'all', histogram: logHist([1, 0, 2, 1, 0, 0]) }]);
    expect(rows.map((r) => r.tick)).toEqual(['0.1', '', '1', '', '10', '']);
    expect(rows.map((r) => r.range)).toEqual([
      '< 0.32',
      '[0.32, 1)',
      '[1, 3.16)',
      '[3.16, 10)',
      '[10, 31.6)',
      '≥ 31.6',
    ]);
    expect(rows[2]?.values.all).toBeCloseTo(0.5);
    expect(rows[2]?.counts.all).toBe(2);
    expect(rows.map((r) => r.bin)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('charts several series on shared edges, counts on request, and rejects other edges', () => {
    const rows = histogramRows(
      [
        { key: 'all', histogram: logHist([1, 1, 1, 1, 0, 0]) },
        { key: 'pushed', histogram: logHist([0, 0, 1, 1, 0, 0]) },
      ],
      'counts',
    );
    expect(rows[2]?.values).toEqual({ all: 1, pushed: 1 });
    expect(() =>
      histogramRows([
        { key: 'a', histogram: logHist([1, 0, 0, 0, 0, 0]) },
        { key: 'b', histogram: linearHist },
      ]),
    ).toThrow(/different bin edges/);
    expect(histogramRows([])).toEqual([]);
  });

  it('labels linear bins as closed on the right only at the end', () => {
    const rows = histogramRows([{ key: 'x', histogram: linearHist }]);
    expect(rows.map((r) => r.range)).toEqual(['[0, 10)', '[10, 20)', '[20, 30]']);
    expect(rows.map((r) => r.tick)).toEqual(['0', '10', '20']);
  });

  it('says when there is nothing to chart', () => {
    expect(hasValues([{ key: 'x', histogram: { ...linearHist, counts: [0, 0, 0] } }])).toBe(false);
    expect(hasValues([{ key: 'x', histogram: linearHist }])).toBe(true);
  });
});

describe('reference lines', () => {
  it("draws the paper's number dashed and ours solid, each at its place on the bins' axis", () => {
    const refs = distributionReferences(linearHist, { mean: 12 }, paper, 'figures.3a', 'days');
    expect(refs.map((r) => [r.label, r.dashed])).toEqual([
      ['paper mean 36 days', true],
      ['ours: mean 12', false],
    ]);
    // 36 days on bins from 0 to 30 lies beyond the axis; 12 days is 40% along it.
    expect(refs[0]?.fraction).toBeCloseTo(1.2);
    expect(refs[1]?.fraction).toBeCloseTo(0.4);
    const gaps = gapReferences(
      dist(logHist([1, 1, 1, 1, 1, 1]), 5),
      dist(logHist([0, 0, 1, 1, 1, 1]), null),
      paper,
      'figures.9a',
    );
    expect(gaps.map((g) => g.label)).toEqual(['paper pushed mean ~ 40 h', 'all mean 5 h']);
    // 40 h on bins from 0.1 to 100: inside the last-but-one decade's upper half.
    expect(gaps[0]?.fraction).toBeCloseTo(Math.log10(40 / 0.1) / 3, 3);
  });

  it("marks the gap CDF with the paper's share as a level and our pushed median on the x axis", () => {
    const withShare: PaperTargets = {
      'figures.9b.shareOfAllBelowPushedMedian': {
        label: 'all gaps below the pushed median',
        value: 0.8,
        relation: '~',
        section: '§4.3.2',
      },
    };
    const refs = gapCdfReferences({ median: 30 }, withShare, 'figures.9b');
    expect(refs.map((r) => [r.axis, r.value])).toEqual([
      ['y', 0.8],
      ['x', 30],
    ]);
    expect(refs[1]?.label).toBe('ours: pushed median 30 h');
    // No pushed gap: no median to mark; no paper number: no level.
    expect(gapCdfReferences({ median: null }, {}, 'figures.9b')).toEqual([]);
  });
});

describe('cdfPoints', () => {
  it('starts at 0 on the first edge and reads each cdf at its right edge', () => {
    const points = cdfPoints([
      { key: 'all', histogram: logHist([1, 1, 2, 0, 0, 0]) },
      { key: 'pushed', histogram: logHist([0, 0, 1, 1, 0, 0]) },
    ]);
    expect(points.map((p) => p.x)).toEqual([0.1, 0.316228, 1, 3.16228, 10, 31.6228, 100]);
    expect(points[0]?.values).toEqual({ all: 0, pushed: 0 });
    expect(points[2]?.values.all).toBeCloseTo(0.5);
    expect(points[3]?.values).toEqual({ all: 1, pushed: 0.5 });
    expect(points[6]?.values).toEqual({ all: 1, pushed: 1 });
    expect(cdfDomain(points)).toEqual([0.1, 100]);
    expect(decadeTicks([0.1, 100])).toEqual([0.1, 1, 10, 100]);
  });

  it('drops non-positive edges on a log axis', () => {
    const h = {
      ...logHist([1, 0, 0, 0, 0, 0]),
      edges: [0, 0.316228, 1, 3.16228, 10, 31.6228, 100],
    };
    expect(cdfPoints([{ key: 'a', histogram: h }])[0]?.x).toBe(0.316228);
  });
});

describe('categoryBars', () => {
  it("puts the paper's exact values beside ours and its bounds on one line", () => {
    const types = [
      { key: 'DNN', label: 'DNN' },
      { key: 'Tree', label: 'Tree' },
    ];
    const likelihood = categoryBars(
      types,
      { DNN: 0.15, Tree: null },
      paper,
      'figures.9f.likelihood',
      {
        DNN: 477,
        Tree: 0,
      },
    );
    expect(likelihood.rows).toEqual([
      { key: 'DNN', label: 'DNN (477)', ours: 0.15, paper: null, paperText: '' },
      { key: 'Tree', label: 'Tree (0)', ours: null, paper: null, paperText: '' },
    ]);
    expect(likelihood.bounds).toEqual([{ value: 0.6, label: 'paper: every type < 60%' }]);
    const shares = categoryBars(types, { DNN: 0.7 }, paper, 'figures.5.shares');
    expect(shares.rows[0]).toMatchObject({ ours: 0.7, paper: 0.64, paperText: '64%' });
    expect(shares.bounds).toEqual([]);
  });

  it('appends categories the paper does not name, sorted', () => {
    const cats = withExtraCategories([{ key: 'min', label: 'min' }], { zeta: 1, min: 2, alpha: 3 });
    expect(cats.map((c) => c.key)).toEqual(['min', 'alpha', 'zeta']);
  });
});

describe('paper numbers', () => {
  it('formats targets as the paper states them and reads ours beside them', () => {
    const target = paper['figures.9a.pushed.mean'];
    if (target === undefined) throw new Error('missing target');
    expect(formatTarget('figures.9a.pushed.mean', target)).toBe('~ 40');
    const rows = keyNumbers({ pushed: { mean: 52.46 } }, paper, 'figures.9a');
    expect(rows).toEqual([
      {
        path: 'figures.9a.pushed.mean',
        label: 'pushed gap',
        ours: '52.5',
        paper: '~ 40',
        section: '§4.3.2',
      },
    ]);
    expect(keyNumbers({}, paper, 'figures.3a')[0]?.ours).toBe('–');
  });

  it('formats shares, amounts, edges and round share axes', () => {
    expect(formatShare(0.044)).toBe('4.4%');
    expect(formatShare(0.302, 1)).toBe('30.2%');
    expect(formatShare(null)).toBe('–');
    expect(formatAmount(10.6e6)).toBe('10.6 M');
    expect(formatAmount(36)).toBe('36');
    expect(formatAmount(0.339)).toBe('0.34');
    expect(formatEdge(1000)).toBe('1k');
    expect(formatEdge(0.000177828)).toBe('0.00018');
    expect(shareAxis(0.26)).toEqual({ domain: [0, 0.3], ticks: [0, 0.1, 0.2, 0.3] });
    expect(shareAxis(0.07).domain).toEqual([0, 0.08]);
    expect(shareAxis(1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
