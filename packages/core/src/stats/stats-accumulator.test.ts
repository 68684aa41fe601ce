import { describe, expect, it } from 'vitest';
import { segmentGraphlets } from '../segment-graphlets.ts';
import { differencesBeyondRounding } from '../testing/close-to.ts';
import {
  FAILED_TRAINERS_COST as COST,
  failedTrainersTrace,
} from '../testing/failed-trainers-trace.ts';
import { TraceBuilder } from '../trace-builder.ts';
import { PAPER_CLAIMS, PAPER_TARGETS, STATISTICS_TITLES, valueAtPath } from './paper-targets.ts';
import {
  computeStatistics,
  createStatsAccumulator,
  pipelineStatsState,
  STATS_STATE_VERSION,
  type StatsState,
} from './stats-accumulator.ts';
import { tinyCorpus } from './tiny-corpus.test-support.ts';

// Every expected value below is computed by hand from tiny-corpus.test-support.ts.
const stats = computeStatistics(tinyCorpus());
const { corpus, figures: f, tables } = stats;

describe('corpus', () => {
  it('counts pipelines, graphlets, nodes and shares', () => {
    expect(corpus).toEqual({
      pipelines: 3,
      pipelinesWithGraphlets: 2,
      graphlets: 4,
      completedGraphlets: 4,
      failedTrainerGraphlets: 0,
      pushedGraphlets: 2,
      pushedShare: 0.5,
      failedCompute: { cpuSeconds: 0, share: 0 },
      executions: 15,
      artifacts: 11,
      events: expect.any(Number),
      maxTraceNodes: 16,
      warmStartShare: 0.25,
      warmStartPipelineGraphletShare: 0.75,
      periodDays: 481 / 24,
    });
  });
});

describe('failed trainers', () => {
  // Eight runs, four with failed trainers: one of the four completed ones pushed.
  const trace = failedTrainersTrace();
  const failed = computeStatistics([{ trace, graphlets: segmentGraphlets(trace).graphlets }]);

  it('are counted apart; the pushed share is over completed trainers only', () => {
    const c = failed.corpus;
    expect([c.graphlets, c.completedGraphlets, c.failedTrainerGraphlets]).toEqual([8, 4, 4]);
    expect(c.pushedGraphlets).toBe(1);
    expect(c.pushedShare).toBe(0.25);
  });

  it('report the compute spent on them: the failed trainer and the ingestion only it read', () => {
    const total =
      8 * COST.exampleGen +
      4 * COST.trainer +
      4 * COST.failedTrainer +
      4 * COST.evaluator +
      3 * COST.pusher;
    const spent = 4 * (COST.exampleGen + COST.failedTrainer);
    expect(failed.corpus.failedCompute).toEqual({ cpuSeconds: spent, share: spent / total });
    expect(failed.figures['7'].cpuSeconds).toBe(total);
  });

  it('are no push decision in the push figures', () => {
    expect(failed.figures['9f'].graphlets.DNN).toBe(4);
    expect(failed.figures['9f'].likelihood.DNN).toBe(0.25);
    expect(failed.figures['9d'].pushed.count + failed.figures['9d'].unpushed.count).toBe(4);
    expect(failed.figures['5'].trainers).toBe(4);
  });
});

describe('figure 3', () => {
  it('(a) lifespan in days from the oldest to the newest node timestamp', () => {
    expect(f['3a'].available).toBe(true);
    expect(f['3a'].count).toBe(3);
    expect(f['3a'].mean).toBeCloseTo(55 / 72, 12);
    expect(f['3a'].max).toBeCloseTo(52 / 24, 12);
    expect(f['3a'].median).toBeCloseTo(2 / 24, 12);
  });

  it('(b) models per day = graphlets / max(lifespan, 1 day), pipelines with graphlets only', () => {
    expect(f['3b'].count).toBe(2);
    expect(f['3b'].mean).toBeCloseTo((72 / 52 + 1) / 2, 12);
    expect(f['3b'].median).toBeCloseTo((72 / 52 + 1) / 2, 12);
    expect(f['3b'].max).toBeCloseTo(72 / 52, 12);
  });

  it('(c) distinct features over the data spans', () => {
    expect(f['3c']).toMatchObject({ available: true, count: 1, mean: 2, max: 2 });
  });

  it('(d)-(f) split by the class of the dominant model type (DNN here)', () => {
    expect(f['3d'].byClass.DNN.max).toBeCloseTo(52 / 24, 12);
    expect(f['3d'].byClass.Linear.count).toBe(0);
    expect(f['3d'].byClass.Linear.mean).toBeNull();
    expect(f['3e'].byClass.DNN.mean).toBeCloseTo(72 / 52, 12);
    expect(f['3f'].byClass.DNN.mean).toBe(2);
    expect(f['3d'].byClass.DNN.histogram.edges).toEqual(f['3a'].histogram.edges);
  });
});

describe('figure 4', () => {
  it('analyzer usage over pipelines recording analyzers (struct or JSON text)', () => {
    expect(f['4'].pipelines).toBe(2);
    expect(f['4'].pipelineShare).toMatchObject({ vocabulary: 1, min: 0.5, custom: 0.5, max: 0 });
    expect(f['4'].totalUses).toMatchObject({ vocabulary: 3, min: 1, custom: 3, max: 0 });
    expect(Object.keys(f['4'].totalUses).slice(0, 3)).toEqual(['vocabulary', 'min', 'max']);
  });

  it('feature kinds: categorical share and mean domain size per feature over spans', () => {
    expect(f['4'].featureKinds).toEqual({
      available: true,
      pipelines: 1,
      categoricalShare: 0.5,
      meanDomainSize: { all: 125, DNN: 125, Linear: null },
    });
  });
});

describe('figures 5, 6, 7', () => {
  it('5: shares of typed trainer runs', () => {
    expect(f['5']).toMatchObject({ trainers: 4, trainersWithType: 3 });
    expect(f['5'].shares).toEqual({
      DNN: 2 / 3,
      'DNN+Linear': 0,
      Linear: 1 / 3,
      Tree: 0,
      Other: 0,
    });
  });

  it('6: share of pipelines containing each group', () => {
    expect(f['6'].shares).toEqual({
      ingestion: 1,
      data_validation: 2 / 3,
      transform: 2 / 3,
      training: 2 / 3,
      model_validation: 0,
      deployment: 2 / 3,
      other: 0,
    });
  });

  it('7: share of compute, recorded cpu seconds else duration, cached 0', () => {
    expect(f['7'].cpuSeconds).toBe(6300);
    expect(f['7'].secondsByGroup).toEqual({
      ingestion: 2000,
      data_validation: 50,
      transform: 30,
      training: 4200,
      model_validation: 0,
      deployment: 20,
      other: 0,
    });
    expect(f['7'].shares.training).toBeCloseTo(4200 / 6300, 12);
    expect(f['7'].validationShare).toBeCloseTo(50 / 6300, 12);
    expect(f['7'].sources).toEqual({ recorded: 9, duration: 2, cached: 1, unknown: 3 });
    // Post: both Pushers (10 + 10); pre, each once: 100 + 50 + 30 + 100 (alpha) + 1800 (beta).
    expect(f['7'].postToPreRatio).toBeCloseTo(20 / 2080, 12);
  });
});

describe('figure 9', () => {
  it('(a)/(b) gaps between consecutive trainer starts, all and pushed', () => {
    expect(f['9a'].all).toMatchObject({ count: 2, mean: 24, max: 24 });
    expect(f['9a'].pushed).toMatchObject({ count: 1, mean: 48 });
    expect(f['9a'].pushedMeanMinusAllMean).toBe(24);
    expect(f['9b'].shareOfAllBelowPushedMedian).toBe(1);
    expect(f['9a'].all.histogram.edges).toEqual(f['9a'].pushed.histogram.edges);
    expect(f['9b'].all.histogram.cdf.at(-1)).toBe(1);
  });

  it('(c) unpushed graphlets between consecutive pushes, per pipeline', () => {
    expect(f['9c']).toMatchObject({ available: true, count: 1, mean: 1 });
  });

  it('(d) trainer compute pushed vs unpushed', () => {
    expect(f['9d'].pushed).toMatchObject({ count: 2, mean: 150, max: 200 });
    expect(f['9d'].unpushed).toMatchObject({ count: 2, mean: 1950, max: 3600 });
  });

  it('(e) graphlet duration: latest end minus earliest start, hours', () => {
    expect(f['9e']).toMatchObject({ count: 4, mean: 16, max: 29, median: 16.5 });
  });

  it('(f) push likelihood per model type', () => {
    expect(f['9f'].likelihood).toEqual({
      DNN: 0.5,
      'DNN+Linear': null,
      Linear: 1,
      Tree: null,
      Other: null,
    });
  });
});

describe('tables', () => {
  it('1: Jaccard, dataset similarity and its per-pipeline mean in quarters', () => {
    expect(tables['1'].jaccard).toEqual({
      available: true,
      bins: [0, 1, 0, 0],
      mean: 0.5,
      count: 2,
    });
    expect(tables['1'].dataset).toEqual({
      available: true,
      bins: [0, 0.5, 0, 0.5],
      mean: 0.75,
      count: 2,
    });
    expect(tables['1'].datasetPerPipeline).toEqual({
      available: true,
      bins: [0, 0, 1, 0],
      mean: 0.75,
      count: 1,
    });
  });

  it('2: input similarity and code match with the previous graphlet', () => {
    expect(tables['2'].inputSimilarity).toEqual({
      available: true,
      pushed: 0.5,
      unpushed: 1,
      all: 0.75,
      count: 2,
    });
    expect(tables['2'].codeMatch).toEqual({
      available: true,
      pushed: 0,
      unpushed: 1,
      all: 0.5,
      count: 2,
    });
  });
});

describe('createStatsAccumulator', () => {
  it('streams to the same document as computeStatistics, with a stable key order', () => {
    const acc = createStatsAccumulator();
    for (const p of tinyCorpus()) acc.add(p.trace, p.graphlets);
    expect(JSON.stringify(acc.finish())).toBe(JSON.stringify(stats));
  });

  it('reports unavailable statistics with a reason and no numbers', () => {
    const b = new TraceBuilder('bare');
    b.execution('CsvExampleGen');
    const empty = computeStatistics([{ trace: b.build(), graphlets: [] }]);
    for (const key of [
      '3a',
      '3b',
      '3c',
      '3d',
      '4',
      '5',
      '7',
      '9a',
      '9c',
      '9d',
      '9e',
      '9f',
    ] as const) {
      expect(empty.figures[key].available, key).toBe(false);
      expect(empty.figures[key].reason, key).toMatch(/\w+ \w+/);
    }
    expect(empty.figures['3a'].mean).toBeNull();
    expect(empty.figures['5'].reason).toContain('Trainer');
    expect(Object.values(empty.figures['5'].shares)).toEqual([null, null, null, null, null]);
    expect(empty.figures['7'].shares.training).toBeNull();
    expect(empty.figures['4'].pipelineShare.vocabulary).toBeNull();
    expect(empty.tables['1'].jaccard).toMatchObject({ available: false, bins: null, mean: null });
    expect(empty.tables['2'].codeMatch).toMatchObject({ available: false, all: null });
    expect(empty.corpus.pushedShare).toBeNull();
  });

  it('rejects nonsensical bin options', () => {
    expect(() => createStatsAccumulator({ binsPerDecade: 0 })).toThrow(/^stats:/);
  });
});

describe('PAPER_TARGETS', () => {
  it('names only paths that exist in the document', () => {
    for (const path of Object.keys(PAPER_TARGETS)) {
      expect(valueAtPath(stats, path), path).not.toBeUndefined();
    }
  });

  it('titles every figure and table of the document, and claims only titled ones', () => {
    const sections = [
      'corpus',
      ...Object.keys(stats.figures).map((k) => `figures.${k}`),
      ...Object.keys(stats.tables).map((k) => `tables.${k}`),
    ];
    // JSON objects list integer-like keys ("4") first, so compare as sets.
    expect(Object.keys(STATISTICS_TITLES).sort()).toEqual(sections.sort());
    for (const path of Object.keys(PAPER_CLAIMS)) expect(sections, path).toContain(path);
  });
});

describe('statistics saved per pipeline and merged', () => {
  const pipelines = [...tinyCorpus(), { trace: failedTrainersTrace(), graphlets: [] }].map((p) =>
    p.graphlets.length > 0 ? p : { trace: p.trace, graphlets: segmentGraphlets(p.trace).graphlets },
  );
  const whole = computeStatistics(pipelines);
  // Through JSON, as a store keeps them.
  const saved = pipelines.map(
    (p) => JSON.parse(JSON.stringify(pipelineStatsState(p.trace, p.graphlets))) as StatsState,
  );

  it('add up to the statistics of the whole corpus in one pass', () => {
    const merged = createStatsAccumulator();
    for (const state of saved) merged.merge(state);
    expect(differencesBeyondRounding(merged.finish(), whole)).toEqual([]);
    expect(merged.finish().corpus.failedTrainerGraphlets).toBe(4);
    // Every count a collector keeps, not only those the document shows on this corpus.
    const direct = createStatsAccumulator();
    for (const p of pipelines) direct.add(p.trace, p.graphlets);
    expect(differencesBeyondRounding(merged.save(), direct.save())).toEqual([]);
  });

  it('merge in any grouping: parts of parts, and with pipelines added directly', () => {
    const first = createStatsAccumulator();
    first.merge(saved[0]!);
    first.add(pipelines[1]!.trace, pipelines[1]!.graphlets);
    const rest = createStatsAccumulator();
    for (const state of saved.slice(2)) rest.merge(state);
    const merged = createStatsAccumulator();
    merged.merge(JSON.parse(JSON.stringify(rest.save())) as StatsState);
    merged.merge(first.save());
    expect(differencesBeyondRounding(merged.finish(), whole)).toEqual([]);
  });

  it('refuse a state of another version or missing a part', () => {
    const acc = createStatsAccumulator();
    expect(() => acc.merge({ ...saved[0]!, version: STATS_STATE_VERSION + 1 })).toThrow(/version/);
    const { f3: _, ...parts } = saved[0]!.parts;
    expect(() => acc.merge({ version: STATS_STATE_VERSION, parts })).toThrow(/lack f3/);
  });

  it('hold no Infinity for JSON to lose: an empty state round-trips', () => {
    const empty = createStatsAccumulator().save();
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
  });
});
