import { describe, expect, it } from 'vitest';
import type { Graphlet } from './graphlet.ts';
import { BASE_MODEL_KEY } from './metadata-keys.ts';
import { segmentGraphlets } from './segment-graphlets.ts';
import type { Trace } from './trace.ts';
import { TraceBuilder } from './trace-builder.ts';
import { buildTraceGraph } from './trace-graph.ts';

/** The id sets and flags of each graphlet, in graphlet order. */
function shape(trace: Trace) {
  return segmentGraphlets(trace).graphlets.map((g: Graphlet) => ({
    trainer: g.trainer,
    executions: g.executions,
    artifacts: g.artifacts,
    spans: g.spans,
    downstream: g.downstream,
    warmStart: g.warmStart,
    pushed: g.pushed,
  }));
}

const pushedFlag = (value: number | boolean | string) => ({ customProperties: { pushed: value } });

describe('segmentGraphlets', () => {
  it('cuts ExampleGen -> Trainer -> Pusher into one pushed graphlet', () => {
    const b = new TraceBuilder('p');
    const eg = b.execution('CsvExampleGen', { startMs: 0, endMs: 10 });
    const span = b.output(eg, 'Examples', 'examples');
    const tr = b.execution('Trainer', { startMs: 20, endMs: 30, inputs: [span] });
    const model = b.output(tr, 'Model', 'model');
    const pu = b.execution('Pusher', { startMs: 40, endMs: 50, inputs: [model] });
    b.output(pu, 'PushedModel', 'pushed_model', pushedFlag(1));
    expect(segmentGraphlets(b.build())).toEqual({
      graphlets: [
        {
          trainer: 2,
          index: 0,
          executions: [1, 2, 3],
          artifacts: [1, 2, 3],
          spans: [1],
          downstream: [3],
          warmStart: false,
          failed: false,
          pushed: true,
          startMs: 20,
          endMs: 50,
        },
      ],
    });
  });

  it('cuts a warm-start chain: the earlier model is an input, its producer is not', () => {
    const b = new TraceBuilder('p');
    let previous: ReturnType<TraceBuilder['output']> | undefined;
    for (let i = 0; i < 3; i++) {
      const eg = b.execution('ExampleGen', { startMs: 100 * i }); // e1, e5, e9
      const span = b.output(eg, 'Examples'); // a1, a4, a7
      const inputs = previous === undefined ? [span] : [span, [previous, BASE_MODEL_KEY] as const];
      const tr = b.execution('Trainer', { name: `Trainer${i}`, startMs: 100 * i + 10, inputs });
      previous = b.output(tr, 'Model'); // a2, a5, a8
      const pu = b.execution('Pusher', { startMs: 100 * i + 20, inputs: [previous] });
      b.output(pu, 'PushedModel', 'pushed_model', pushedFlag(i === 1 ? 0 : 1)); // a3, a6, a9
      // A legacy resolver re-emitting the model: a reuse link, post-trainer of this model.
      const resolver = b.execution('Resolver', { startMs: 100 * i + 30, inputs: [previous] });
      b.link(resolver, previous, 'output');
    }
    expect(shape(b.build())).toEqual([
      {
        trainer: 2,
        executions: [1, 2, 3, 4],
        artifacts: [1, 2, 3],
        spans: [1],
        downstream: [3, 4],
        warmStart: false,
        pushed: true,
      },
      {
        trainer: 6,
        executions: [5, 6, 7, 8],
        artifacts: [2, 4, 5, 6],
        spans: [4],
        downstream: [7, 8],
        warmStart: true,
        pushed: false,
      },
      {
        trainer: 10,
        executions: [9, 10, 11, 12],
        artifacts: [5, 7, 8, 9],
        spans: [7],
        downstream: [11, 12],
        warmStart: true,
        pushed: true,
      },
    ]);
  });

  it('attaches validation to the span it checks in a rolling window (rule b)', () => {
    const b = new TraceBuilder('p');
    const spans: ReturnType<TraceBuilder['output']>[] = [];
    let schema: ReturnType<TraceBuilder['output']> | undefined;
    for (let day = 0; day < 3; day++) {
      const t = 1000 * day;
      const span = b.output(b.execution('ExampleGen', { startMs: t }), 'Examples');
      const stats = b.output(b.execution('StatisticsGen', { startMs: t + 1, inputs: [span] }), 'S');
      // Only day 0 infers a schema; later validators reuse it.
      schema ??= b.output(b.execution('SchemaGen', { startMs: t + 2, inputs: [stats] }), 'Schema');
      b.output(b.execution('ExampleValidator', { startMs: t + 3, inputs: [stats, schema] }), 'An');
      spans.push(span);
    }
    // Executions: day 0 = e1 EG, e2 SG, e3 SchemaGen, e4 EV; day 1 = e5..e7; day 2 = e8..e10.
    // Artifacts: a1 span0, a2 stats0, a3 schema, a4 anomalies0, a5 span1, a6, a7, a8 span2, a9, a10.
    b.execution('Trainer', { startMs: 1500, inputs: [spans[0]!, spans[1]!] }); // e11
    b.execution('Trainer', { startMs: 2500, inputs: [spans[1]!, spans[2]!] }); // e12
    expect(shape(b.build())).toEqual([
      {
        trainer: 11,
        executions: [1, 2, 3, 4, 5, 6, 7, 11],
        artifacts: [1, 2, 3, 4, 5, 6, 7],
        spans: [1, 5],
        downstream: [],
        warmStart: false,
        pushed: false,
      },
      {
        // The day-2 ExampleValidator reads the day-0 schema but belongs to span 2 only, so
        // neither the SchemaGen nor any day-0 execution joins this graphlet.
        trainer: 12,
        executions: [5, 6, 7, 8, 9, 10, 12],
        artifacts: [3, 5, 6, 7, 8, 9, 10],
        spans: [5, 8],
        downstream: [],
        warmStart: false,
        pushed: false,
      },
    ]);
  });

  it('cuts teacher -> student distillation without calling it warm start', () => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen', { startMs: 0 }), 'Examples'); // e1 a1
    const teacher = b.execution('Trainer', { name: 'teacher', startMs: 1, inputs: [span] }); // e2
    const big = b.output(teacher, 'Model'); // a2
    const inputs = [span, [big, 'teacher_model'] as const];
    const student = b.execution('Trainer', { name: 'student', startMs: 2, inputs }); // e3
    const small = b.output(student, 'Model'); // a3
    b.output(
      b.execution('Pusher', { startMs: 3, inputs: [small] }),
      'Pushed',
      'p',
      pushedFlag(true),
    );
    expect(shape(b.build())).toEqual([
      {
        trainer: 2,
        executions: [1, 2],
        artifacts: [1, 2],
        spans: [1],
        downstream: [],
        warmStart: false,
        pushed: false,
      },
      {
        trainer: 3,
        executions: [1, 3, 4],
        artifacts: [1, 2, 3, 4],
        spans: [1],
        downstream: [4],
        warmStart: false,
        pushed: true,
      },
    ]);
  });

  it('flags warm start from an earlier run of the same trainer node without base_model', () => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen', { startMs: 0 }), 'Examples');
    const first = b.execution('Trainer', { name: 'Trainer', startMs: 1, inputs: [span] });
    const model = b.output(first, 'Model');
    const inputs = [span, [model, 'model'] as const];
    b.execution('Trainer', { name: 'Trainer', startMs: 2, inputs });
    expect(shape(b.build()).map((g) => g.warmStart)).toEqual([false, true]);
  });

  it('keeps an Evaluator with an older baseline in its own model graphlet (rule c)', () => {
    const b = new TraceBuilder('p');
    const s1 = b.output(b.execution('ExampleGen', { startMs: 0 }), 'Examples'); // e1 a1
    const m1 = b.output(b.execution('Trainer', { startMs: 1, inputs: [s1] }), 'Model'); // e2 a2
    const b1 = b.output(b.execution('Evaluator', { startMs: 2, inputs: [m1] }), 'Blessing'); // e3 a3
    b.output(b.execution('Pusher', { startMs: 3, inputs: [m1, b1] }), 'P', 'p', pushedFlag(1)); // e4 a4
    const s2 = b.output(b.execution('ExampleGen', { startMs: 10 }), 'Examples'); // e5 a5
    const m2 = b.output(b.execution('Trainer', { startMs: 11, inputs: [s2] }), 'Model'); // e6 a6
    const evalInputs = [[m1, 'baseline_model'] as const, m2];
    const b2 = b.output(b.execution('Evaluator', { startMs: 12, inputs: evalInputs }), 'B'); // e7 a7
    b.output(b.execution('Pusher', { startMs: 13, inputs: [m2, b2] }), 'P', 'p', pushedFlag(0)); // e8 a8
    const result = shape(b.build());
    expect(result.map((g) => [g.executions, g.artifacts, g.downstream, g.pushed])).toEqual([
      [[1, 2, 3, 4], [1, 2, 3, 4], [3, 4], true],
      [[5, 6, 7, 8], [2, 5, 6, 7, 8], [7, 8], false],
    ]);
  });

  it('leaves cached re-runs out: reuse links, no graphlet for a cached Trainer', () => {
    const b = new TraceBuilder('p');
    const eg = b.execution('ExampleGen', { startMs: 10 }); // e1
    const span = b.output(eg, 'Examples'); // a1
    const tf = b.execution('Transform', { startMs: 11, inputs: [span] }); // e2
    const graph = b.output(tf, 'TransformGraph'); // a2
    // Cached re-runs re-emit the old artifacts; the cached ExampleGen even starts earlier.
    const cachedEg = b.execution('ExampleGen', { startMs: 5, state: 'cached' }); // e3
    b.link(cachedEg, span, 'output');
    const cachedTf = b.execution('Transform', { startMs: 20, state: 'cached', inputs: [span] }); // e4
    b.link(cachedTf, graph, 'output');
    const tr = b.execution('Trainer', { startMs: 21, inputs: [span, graph] }); // e5
    const model = b.output(tr, 'Model'); // a3
    const cachedTr = b.execution('Trainer', {
      startMs: 30,
      state: 'cached',
      inputs: [span, graph],
    }); // e6
    b.link(cachedTr, model, 'output');
    b.execution('Pusher', { startMs: 31, state: 'cached', inputs: [model] }); // e7
    expect(shape(b.build())).toEqual([
      {
        trainer: 5,
        executions: [1, 2, 5],
        artifacts: [1, 2, 3],
        spans: [1],
        downstream: [],
        warmStart: false,
        pushed: false,
      },
    ]);
  });

  it('keeps a failed trainer without outputs as an unpushed graphlet', () => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen', { startMs: 0, endMs: 5 }), 'Examples');
    b.execution('Trainer', { startMs: 6, endMs: 9, state: 'failed', inputs: [span] });
    const [g] = segmentGraphlets(b.build()).graphlets;
    expect(g).toMatchObject({ trainer: 2, executions: [1, 2], artifacts: [1], pushed: false });
    expect([g?.startMs, g?.endMs]).toEqual([6, 9]);
  });

  it.each([
    ['pushed=0', 'complete', pushedFlag(0), true, false],
    ['pushed="1"', 'complete', pushedFlag('1'), true, true],
    ['pushed=true (regular)', 'complete', { properties: { pushed: true } }, true, true],
    ['no flag, completed', 'complete', {}, true, true],
    ['no flag, no recorded state', 'unknown', {}, true, true],
    ['no flag, failed', 'failed', {}, true, false],
    ['no flag, completed without output', 'complete', {}, false, false],
  ] as const)('Pusher with %s', (_, state, init, hasOutput, pushed) => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen'), 'Examples');
    const model = b.output(b.execution('Trainer', { inputs: [span] }), 'Model');
    const pusher = b.execution('Pusher', { state, inputs: [model] });
    if (hasOutput) b.output(pusher, 'PushedModel', 'pushed_model', init);
    expect(shape(b.build()).map((g) => g.pushed)).toEqual([pushed]);
  });

  it('lets A/B trainers on the same inputs share their upstream', () => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen', { startMs: 0 }), 'Examples'); // e1 a1
    const tf = b.execution('Transform', { startMs: 1, inputs: [span] }); // e2
    const tg = b.output(tf, 'TransformGraph'); // a2
    const ma = b.output(b.execution('Trainer', { name: 'A', startMs: 3, inputs: [span, tg] }), 'M'); // e3 a3
    const mb = b.output(b.execution('Trainer', { name: 'B', startMs: 2, inputs: [span, tg] }), 'M'); // e4 a4
    b.output(b.execution('Pusher', { inputs: [ma] }), 'P', 'p', pushedFlag(1)); // e5 a5
    b.output(b.execution('Pusher', { inputs: [mb] }), 'P', 'p', pushedFlag(0)); // e6 a6
    // B started first, so it is graphlet 0.
    expect(shape(b.build())).toEqual([
      {
        trainer: 4,
        executions: [1, 2, 4, 6],
        artifacts: [1, 2, 4, 6],
        spans: [1],
        downstream: [6],
        warmStart: false,
        pushed: false,
      },
      {
        trainer: 3,
        executions: [1, 2, 3, 5],
        artifacts: [1, 2, 3, 5],
        spans: [1],
        downstream: [5],
        warmStart: false,
        pushed: true,
      },
    ]);
  });

  it('says plainly when a trace has no trainer', () => {
    const b = new TraceBuilder('p');
    b.output(b.execution('ExampleGen'), 'Examples');
    expect(segmentGraphlets(b.build())).toEqual({
      graphlets: [],
      note: 'no Trainer executions: this trace has no graphlets',
    });
    b.execution('Trainer', { state: 'cached' });
    expect(segmentGraphlets(b.build()).note).toBe(
      'only cached Trainer executions: this trace has no graphlets',
    );
    expect(segmentGraphlets(new TraceBuilder('empty').build()).graphlets).toEqual([]);
  });

  it('leaves a post-trainer execution that feeds another trainer out of Down', () => {
    const b = new TraceBuilder('p');
    const span = b.output(b.execution('ExampleGen', { startMs: 0 }), 'Examples'); // e1 a1
    const m1 = b.output(b.execution('Trainer', { startMs: 1, inputs: [span] }), 'Model'); // e2 a2
    const exported = b.output(b.execution('ModelExport', { startMs: 2, inputs: [m1] }), 'X'); // e3 a3
    b.execution('Trainer', { startMs: 3, inputs: [span, exported] }); // e4
    const result = shape(b.build());
    expect(result.map((g) => [g.executions, g.downstream])).toEqual([
      [[1, 2], []],
      [[1, 3, 4], []],
    ]);
  });

  it('reuses a prebuilt graph of the same trace and rejects one of another trace', () => {
    const b = new TraceBuilder('p');
    b.execution('Trainer', { inputs: [b.output(b.execution('ExampleGen'), 'Examples')] });
    const trace = b.build();
    expect(segmentGraphlets(trace, buildTraceGraph(trace))).toEqual(segmentGraphlets(trace));
    expect(() => segmentGraphlets(trace, buildTraceGraph(b.build()))).toThrow(
      'core: segmentGraphlets: graph was built for another trace',
    );
  });
});
