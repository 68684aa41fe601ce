/**
 * End to end on hand-built stores: traces built with TraceBuilder, written to MLMD SQLite files
 * by the formats writer, segmented by `segment --json`, one store per segmentation rule (paper
 * §4.1, rules (a)-(c) of core's segment-graphlets.ts).
 */
import { type Trace, TraceBuilder } from '@graphlet/core';
import { writeMlmdStore } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';

const GEN = 'tfx.components.example_gen.csv_example_gen.component.CsvExampleGen';
const STATS = 'tfx.components.statistics_gen.component.StatisticsGen';
const SCHEMA = 'tfx.components.schema_gen.component.SchemaGen';
const VALIDATOR = 'tfx.components.example_validator.component.ExampleValidator';
const TRAINER = 'tfx.components.trainer.component.Trainer';
const EVALUATOR = 'tfx.components.evaluator.component.Evaluator';
const PUSHER = 'tfx.components.pusher.component.Pusher';

interface GraphletJson {
  trainer: number;
  executions: number[];
  artifacts: number[];
  spans: number[];
  pushed: boolean;
  warmStart: boolean;
}

const tmp = tempDir();
let stores = 0;

/** Writes the traces to a new MLMD store and returns `segment --json`'s traces. */
async function segment(...traces: Trace[]) {
  const file = tmp(`store-${++stores}.sqlite`);
  writeMlmdStore(file, traces);
  const result = await cli('segment', file, '--json');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout).traces as {
    pipeline: string;
    graphlets: GraphletJson[];
    note?: string;
  }[];
}

async function graphletsOf(trace: Trace): Promise<GraphletJson[]> {
  const [only] = await segment(trace);
  return only!.graphlets;
}

describe('segment on hand-built MLMD stores', () => {
  it('warm start chain: each trainer keeps its own run, reads the previous model', async () => {
    const b = new TraceBuilder('warm');
    let previous: ReturnType<TraceBuilder['output']> | undefined;
    const trainers: number[] = [];
    for (let day = 0; day < 3; day++) {
      const gen = b.execution(GEN, { startMs: day * 1000 });
      const span = b.output(gen, 'Examples', 'examples');
      const inputs: [typeof span, string][] = [[span, 'examples']];
      if (previous !== undefined) inputs.push([previous, 'base_model']);
      const t = b.execution(TRAINER, { startMs: day * 1000 + 10, inputs });
      trainers.push(t);
      previous = b.output(t, 'Model', 'model');
    }
    const graphlets = await graphletsOf(b.build());
    expect(graphlets.map((g) => [g.trainer, g.warmStart, g.executions])).toEqual([
      [trainers[0], false, [1, 2]],
      [trainers[1], true, [3, 4]],
      [trainers[2], true, [5, 6]],
    ]);
    // The previous model is an input artifact of the next graphlet; its trainer is not.
    expect(graphlets[1]!.artifacts).toEqual([2, 3, 4]);
  });

  it('rolling window: each graphlet holds the validation of exactly its spans', async () => {
    const b = new TraceBuilder('window');
    const spans = [];
    const stats = [];
    for (let i = 0; i < 3; i++) {
      const gen = b.execution(GEN, { startMs: i });
      spans.push(b.output(gen, 'Examples', 'examples'));
      const s = b.execution(STATS, { startMs: i, inputs: [spans[i]!] });
      stats.push(b.output(s, 'ExampleStatistics', 'statistics'));
    }
    const schemaGen = b.execution(SCHEMA, { startMs: 5, inputs: [stats[0]!] });
    const schema = b.output(schemaGen, 'Schema', 'schema');
    const validators = stats.map((s, i) => {
      const v = b.execution(VALIDATOR, { startMs: 6 + i, inputs: [s, schema] });
      b.output(v, 'ExampleAnomalies', 'anomalies');
      return v;
    });
    const a = b.execution(TRAINER, { startMs: 10, inputs: [spans[0]!, spans[1]!] });
    b.output(a, 'Model');
    const c = b.execution(TRAINER, { startMs: 20, inputs: [spans[1]!, spans[2]!] });
    b.output(c, 'Model');
    const ids = (g: GraphletJson) => g.executions;
    const [ga, gc] = await graphletsOf(b.build());
    // gens 1, 3, 5; stats 2, 4, 6; schema 7; validators 8, 9, 10.
    expect(validators).toEqual([8, 9, 10]);
    expect(ids(ga!)).toEqual([1, 2, 3, 4, 7, 8, 9, a]);
    expect(ids(gc!)).toEqual([3, 4, 5, 6, 9, 10, c]);
    expect(ga!.spans).toEqual([spans[0], spans[1]]);
    expect(gc!.spans).toEqual([spans[1], spans[2]]);
  });

  it('teacher -> student: the student graphlet reads the teacher model without the teacher run', async () => {
    const b = new TraceBuilder('distill');
    const gen = b.execution(GEN, { startMs: 0 });
    const span = b.output(gen, 'Examples', 'examples');
    const teacher = b.execution(TRAINER, { name: 'Teacher', startMs: 1, inputs: [span] });
    const big = b.output(teacher, 'Model');
    const student = b.execution(TRAINER, {
      name: 'Student',
      startMs: 2,
      inputs: [span, [big, 'teacher_model']],
    });
    b.output(student, 'Model');
    const [gt, gs] = await graphletsOf(b.build());
    expect(gt!.executions).toEqual([gen, teacher]);
    expect(gs!.executions).toEqual([gen, student]);
    expect(gs!.artifacts).toContain(big);
    expect(gs!.warmStart).toBe(false);
  });

  it('an Evaluator with an older baseline model stays in its own model graphlet', async () => {
    const b = new TraceBuilder('baseline');
    const span = b.output(b.execution(GEN, { startMs: 0 }), 'Examples');
    const t1 = b.execution(TRAINER, { startMs: 1, inputs: [span] });
    const m1 = b.output(t1, 'Model');
    const e1 = b.execution(EVALUATOR, { startMs: 2, inputs: [m1] });
    b.output(e1, 'ModelBlessing', 'blessing');
    const t2 = b.execution(TRAINER, { startMs: 3, inputs: [span] });
    const m2 = b.output(t2, 'Model');
    const e2 = b.execution(EVALUATOR, { startMs: 4, inputs: [m2, [m1, 'baseline_model']] });
    b.output(e2, 'ModelBlessing', 'blessing');
    const [g1, g2] = await graphletsOf(b.build());
    expect(g1!.executions).toEqual([1, t1, e1]);
    expect(g2!.executions).toEqual([1, t2, e2]);
  });

  it('cached re-runs take no part; a failed trainer without outputs still has a graphlet', async () => {
    const b = new TraceBuilder('cached');
    const gen = b.execution(GEN, { startMs: 0 });
    const span = b.output(gen, 'Examples');
    const t = b.execution(TRAINER, { startMs: 1, inputs: [span] });
    const model = b.output(t, 'Model');
    const cachedGen = b.execution(GEN, { state: 'cached', startMs: 5 });
    b.link(cachedGen, span, 'output');
    const cachedTrainer = b.execution(TRAINER, { state: 'cached', startMs: 6, inputs: [span] });
    b.link(cachedTrainer, model, 'output');
    const failed = b.execution(TRAINER, { state: 'failed', startMs: 7, inputs: [span] });
    const graphlets = await graphletsOf(b.build());
    expect(graphlets.map((g) => [g.trainer, g.executions, g.pushed])).toEqual([
      [t, [gen, t], false],
      [failed, [gen, failed], false],
    ]);
  });

  it('pushed: pushed=0 is no push; without the flag a completed Pusher pushes, a failed one not', async () => {
    const pipeline = (name: string, pusher: { state: 'complete' | 'failed'; pushed?: number }) => {
      const b = new TraceBuilder(name);
      const span = b.output(b.execution(GEN, { startMs: 0 }), 'Examples');
      const t = b.execution(TRAINER, { startMs: 1, inputs: [span] });
      const m = b.output(t, 'Model');
      const p = b.execution(PUSHER, { state: pusher.state, startMs: 2, inputs: [m] });
      b.output(p, 'PushedModel', 'pushed_model', {
        customProperties: pusher.pushed === undefined ? {} : { pushed: pusher.pushed },
      });
      return b.build();
    };
    const pushedOf = async (trace: Trace) => (await graphletsOf(trace)).map((g) => g.pushed);
    expect(await pushedOf(pipeline('declined', { state: 'complete', pushed: 0 }))).toEqual([false]);
    expect(await pushedOf(pipeline('flagged', { state: 'complete', pushed: 1 }))).toEqual([true]);
    expect(await pushedOf(pipeline('unflagged', { state: 'complete' }))).toEqual([true]);
    expect(await pushedOf(pipeline('failed', { state: 'failed' }))).toEqual([false]);
  });

  it('A/B trainers on the same inputs each get a graphlet with their own Pusher', async () => {
    const b = new TraceBuilder('ab');
    const gen = b.execution(GEN, { startMs: 0 });
    const span = b.output(gen, 'Examples');
    const results = ['A', 'B'].map((name, i) => {
      const t = b.execution(TRAINER, { name, startMs: 1 + i, inputs: [span] });
      const p = b.execution(PUSHER, { startMs: 3 + i, inputs: [b.output(t, 'Model')] });
      b.output(p, 'PushedModel', 'pushed_model', { customProperties: { pushed: i } });
      return [t, p] as const;
    });
    const graphlets = await graphletsOf(b.build());
    expect(graphlets.map((g) => [g.trainer, g.executions, g.pushed])).toEqual([
      [results[0]![0], [gen, ...results[0]!], false],
      [results[1]![0], [gen, ...results[1]!], true],
    ]);
  });

  it('several pipelines in one store: traces sorted by name, ids kept', async () => {
    const build = (name: string, base: number) => {
      const b = new TraceBuilder(name);
      const gen = b.execution(GEN, { id: base, startMs: 0 });
      const span = b.output(gen, 'Examples', 'examples', { id: base });
      b.output(b.execution(TRAINER, { startMs: 1, inputs: [span] }), 'Model');
      return b.build();
    };
    const traces = await segment(build('zeta', 1), build('alpha', 10), build('mid', 20));
    expect(traces.map((t) => [t.pipeline, t.graphlets.map((g) => g.trainer)])).toEqual([
      ['alpha', [11]],
      ['mid', [21]],
      ['zeta', [2]],
    ]);
  });
});
