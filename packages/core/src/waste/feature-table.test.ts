import { describe, expect, it } from 'vitest';
import { executionId } from '../ids.ts';
import { segmentGraphlets } from '../segment-graphlets.ts';
import { failedTrainersTrace } from '../testing/failed-trainers-trace.ts';
import type { Trace } from '../trace.ts';

import { featureDefinitions, resolveFeatureOptions } from './feature-definitions.ts';
import {
  buildFeatureTable,
  createFeatureTableBuilder,
  type WasteFeatureTable,
} from './feature-table.ts';
import { graphletFeatureRecord } from './graphlet-feature-record.ts';
import { fnv1a } from './graphlet-features.ts';
import { pipelineFeatureRows } from './pipeline-feature-rows.ts';
import { threeGraphletTrace, warmStartTrace } from './waste-test-traces.test-support.ts';

const corpus = (...traces: Trace[]) =>
  traces.map((trace) => ({ trace, graphlets: segmentGraphlets(trace).graphlets }));

function row(table: WasteFeatureTable, r: number): Record<string, number> {
  return Object.fromEntries(table.features.map((f, c) => [f.name, table.columns[c]![r]!]));
}

describe('waste feature definitions', () => {
  it('names 37 features with group prefixes for w = 3 and 8 architecture buckets', () => {
    const defs = featureDefinitions({ window: 3, architectureBuckets: 8 });
    expect(defs).toHaveLength(37);
    for (const d of defs) expect(d.name.startsWith(`${d.group}.`)).toBe(true);
    expect(defs.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'input.jaccard_3',
        'input.dataset_similarity_1',
        'code.code_match_2',
        'model.type.DNN+Linear',
        'model.arch.7',
        'pre.count.ingestion',
        'pre.count.data_validation',
        'pre.count.transform',
        'pre.count.tuner',
        'pre.count.other',
        'pre.avg_inputs',
        'trainer.count',
        'trainer.avg_outputs',
        'post.count.model_validation',
        'post.count.deployment',
        'post.count.other',
        'post.avg_inputs',
      ]),
    );
    expect(featureDefinitions({ window: 1, architectureBuckets: 0 })).toHaveLength(23);
  });
});

describe('buildFeatureTable on a hand-built pipeline', () => {
  const table = buildFeatureTable(corpus(threeGraphletTrace()));
  const archColumn = `model.arch.${fnv1a('64x32') % 8}`;

  it('has one row per graphlet in run order, with label and trainer id', () => {
    expect(table.nRows).toBe(3);
    expect(Array.from(table.pushed)).toEqual([1, 0, 0]);
    expect(Array.from(table.trainer)).toEqual([3, 7, 8]);
    expect(table.pipelines).toEqual(['p']);
  });

  it('G1: no history, DNN with its architecture bucket, shape of every stage', () => {
    const g = row(table, 0);
    for (const k of [1, 2, 3]) {
      expect(g[`input.jaccard_${k}`]).toBeNaN();
      expect(g[`input.dataset_similarity_${k}`]).toBeNaN();
      expect(g[`code.code_match_${k}`]).toBeNaN();
    }
    expect(g['model.type.DNN']).toBe(1);
    expect(g['model.type.Linear']).toBe(0);
    expect(g[archColumn]).toBe(1);
    expect(
      table.features.filter((f) => f.name.startsWith('model.arch.') && g[f.name] === 1),
    ).toHaveLength(1);
    // Pre: ExampleGen (0 in, 1 out) and StatisticsGen (1 in, 1 out).
    expect(g).toMatchObject({
      'pre.count.ingestion': 1,
      'pre.count.data_validation': 1,
      'pre.count.transform': 0,
      'pre.count.tuner': 0,
      'pre.count.other': 0,
      'pre.avg_inputs': 0.5,
      'pre.avg_outputs': 1,
      'trainer.count': 1,
      'trainer.avg_inputs': 1,
      'trainer.avg_outputs': 1,
      // Post: Evaluator (1 in, 1 out) and Pusher (2 in, 1 out).
      'post.count.model_validation': 1,
      'post.count.deployment': 1,
      'post.count.other': 0,
      'post.avg_inputs': 1.5,
      'post.avg_outputs': 1,
    });
    expect(table.cost[0]).toBe(136);
    expect(Array.from(table.stageCosts.subarray(0, 4))).toEqual([10, 15, 100, 21]);
  });

  it('G2: history against G1, no post-trainer executions', () => {
    const g = row(table, 1);
    // Spans {1} vs {1, 2}; span 1 paired with itself agrees on both features; v1 vs v2.
    expect(g['input.jaccard_1']).toBe(0.5);
    expect(g['input.dataset_similarity_1']).toBe(1);
    expect(g['code.code_match_1']).toBe(0);
    expect(g['input.jaccard_2']).toBeNaN();
    expect(g['model.type.Linear']).toBe(1);
    expect(g[archColumn]).toBe(0);
    expect(g).toMatchObject({
      'pre.count.ingestion': 2,
      'pre.count.data_validation': 1,
      'pre.avg_inputs': Math.fround(1 / 3), // the table holds single precision
      'pre.avg_outputs': 1,
      'trainer.avg_inputs': 2,
      'post.count.model_validation': 0,
      'post.count.deployment': 0,
    });
    expect(g['post.avg_inputs']).toBeNaN();
    expect(Array.from(table.stageCosts.subarray(4, 8))).toEqual([40, 45, 50, 0]);
    expect(table.cost[1]).toBe(95);
  });

  it('G3: window positions 1 and 2, duration as cost, no model type', () => {
    const g = row(table, 2);
    expect(g['input.jaccard_1']).toBe(0.5); // {1, 2} vs {2}
    expect(g['input.jaccard_2']).toBe(0); // {1} vs {2}
    expect(g['input.jaccard_3']).toBeNaN();
    // Span 1 vs span 2: the numeric feature moved 0.05 sd (agrees), the domain doubled (does not).
    expect(g['input.dataset_similarity_1']).toBe(0.5);
    expect(g['input.dataset_similarity_2']).toBe(0.5);
    expect(g['code.code_match_1']).toBe(0);
    expect(g['code.code_match_2']).toBe(1);
    expect(g['code.code_match_3']).toBeNaN();
    for (const t of ['DNN', 'DNN+Linear', 'Linear', 'Tree', 'Other']) {
      expect(g[`model.type.${t}`]).toBe(0);
    }
    expect(g).toMatchObject({
      'pre.count.ingestion': 1,
      'pre.count.data_validation': 0,
      'pre.avg_inputs': 0,
      'trainer.avg_inputs': 1,
      'trainer.avg_outputs': 0,
    });
    expect(Array.from(table.stageCosts.subarray(8, 12))).toEqual([30, 30, 7, 0]);
  });

  it('graphletFeatureRecord gives the same features for one graphlet (to single precision)', () => {
    const trace = threeGraphletTrace();
    const graphlets = segmentGraphlets(trace).graphlets;
    const record = graphletFeatureRecord(trace, graphlets, graphlets[2]!.trainer);
    const expected = row(table, 2);
    for (const name of Object.keys(expected)) {
      expect(Object.is(Math.fround(record[name]!), expected[name]), name).toBe(true);
    }
    expect(() => graphletFeatureRecord(trace, graphlets, executionId(999))).toThrow(
      /waste: no graphlet has trainer/,
    );
  });
});

describe('warm-start exclusion', () => {
  it('leaves out every graphlet of a pipeline that warm-starts, and pipelines without graphlets', () => {
    const table = buildFeatureTable(
      corpus(warmStartTrace('w'), threeGraphletTrace('a'), {
        pipeline: 'x',
        executions: [],
        artifacts: [],
        events: [],
      }),
    );
    expect(table.nRows).toBe(3);
    expect(table.pipelines).toEqual(['a']);
    expect(table.excluded).toEqual({
      warmStartPipelines: 1,
      warmStartGraphlets: 2,
      pipelinesWithoutGraphlets: 1,
      failedTrainerGraphlets: 0,
    });
  });

  it('gives failed trainers no row and no label: they made no model', () => {
    const trace = failedTrainersTrace();
    const graphlets = segmentGraphlets(trace).graphlets;
    const table = buildFeatureTable([{ trace, graphlets }]);
    const completed = graphlets.filter((g) => !g.failed);
    expect(table.nRows).toBe(4);
    expect(Array.from(table.trainer)).toEqual(completed.map((g) => g.trainer));
    expect(Array.from(table.pushed)).toEqual([1, 0, 0, 0]);
    expect(table.excluded.failedTrainerGraphlets).toBe(4);
    // A completed run's predecessors are completed runs: the same rows as without the failed ones.
    expect(buildFeatureTable([{ trace, graphlets: completed }]).columns).toEqual(table.columns);
    const onlyFailed = graphlets.filter((g) => g.failed);
    expect(pipelineFeatureRows(trace, onlyFailed, resolveFeatureOptions())).toEqual({
      kind: 'no-graphlets',
      pipeline: 'failing-trainers',
      graphlets: 0,
      failedGraphlets: 4,
    });
  });

  it('grows past its initial capacity without changing rows', () => {
    const traces = Array.from({ length: 400 }, (_, i) => threeGraphletTrace(`p${i}`));
    const table = buildFeatureTable(corpus(...traces), { window: 2, architectureBuckets: 0 });
    expect(table.nRows).toBe(1200);
    for (const column of table.columns) expect(column).toHaveLength(1200);
    const one = buildFeatureTable(corpus(threeGraphletTrace()), {
      window: 2,
      architectureBuckets: 0,
    });
    table.columns.forEach((column, f) => {
      expect(Array.from(column.subarray(-3))).toEqual(Array.from(one.columns[f]!));
    });
    expect(table.pipeline[1199]).toBe(399);
  });
});

describe('pipelineFeatureRows', () => {
  it('adds the same rows through addRows as through add, and reports exclusions', () => {
    const options = resolveFeatureOptions();
    const direct = buildFeatureTable(corpus(threeGraphletTrace('a'), warmStartTrace('w')));
    const builder = createFeatureTableBuilder();
    for (const { trace, graphlets } of corpus(threeGraphletTrace('a'), warmStartTrace('w'))) {
      builder.addRows(pipelineFeatureRows(trace, graphlets, options));
    }
    const viaRows = builder.finish();
    expect(viaRows).toEqual(direct);
    const warm = warmStartTrace('w');
    expect(pipelineFeatureRows(warm, segmentGraphlets(warm).graphlets, options)).toEqual({
      kind: 'warm-start',
      pipeline: 'w',
      graphlets: 2,
      failedGraphlets: 0,
    });
  });

  it('rejects rows built with another feature count', () => {
    const trace = threeGraphletTrace();
    const rows = pipelineFeatureRows(
      trace,
      segmentGraphlets(trace).graphlets,
      resolveFeatureOptions({ window: 1 }),
    );
    expect(() => createFeatureTableBuilder().addRows(rows)).toThrow(/expected 37/);
  });
});
