import { describe, expect, it } from 'vitest';
import { segmentGraphlets } from './segment-graphlets.ts';
import type { Trace } from './trace.ts';
import { TraceBuilder } from './trace-builder.ts';
import { buildTraceGraph, CycleError } from './trace-graph.ts';

/** The producer's execution id of each artifact id (0 for none). */
function producers(trace: Trace): Record<number, number> {
  const g = buildTraceGraph(trace);
  const out: Record<number, number> = {};
  g.artifacts.forEach((a, i) => {
    const p = g.producer[i]!;
    out[a.id] = p < 0 ? 0 : g.executions[p]!.id;
  });
  return out;
}

describe('buildTraceGraph', () => {
  it('makes the earliest non-cached execution with an output the producer', () => {
    const b = new TraceBuilder('p');
    const late = b.execution('ExampleGen', { startMs: 50 }); // e1
    const span = b.output(late, 'Examples'); // a1
    const early = b.execution('ExampleGen', { startMs: 10 }); // e2
    b.link(early, span, 'output');
    const cached = b.execution('ExampleGen', { startMs: 0, state: 'cached' }); // e3
    b.link(cached, span, 'output');
    const noTime = b.execution('Importer'); // e4, unknown start sorts after known
    const model = b.output(noTime, 'Model'); // a2
    const timed = b.execution('Importer', { startMs: 99 }); // e5
    b.link(timed, model, 'output');
    const onlyCached = b.execution('Importer', { state: 'cached' }); // e6
    b.output(onlyCached, 'Schema'); // a3
    expect(producers(b.build())).toEqual({ 1: 2, 2: 5, 3: 0 });
    const g = buildTraceGraph(b.build());
    expect([...g.cached]).toEqual([0, 0, 1, 0, 0, 1]);
    // Start order e3 (0), e2 (10), e1 (50), e5 (99), then unknown starts by id: e4, e6.
    expect([...g.rank]).toEqual([2, 1, 0, 4, 3, 5]);
  });

  it('sorts nodes by id and builds the same adjacency whatever the order of the arrays', () => {
    const b = new TraceBuilder('p');
    const eg = b.execution('ExampleGen', { startMs: 1 });
    const span = b.output(eg, 'Examples');
    const sg = b.execution('StatisticsGen', { startMs: 2, inputs: [span] });
    const stats = b.output(sg, 'Stats');
    const tr = b.execution('Trainer', { startMs: 3, inputs: [stats, span] });
    b.output(tr, 'Model');
    const trace = b.build();
    const shuffled: Trace = {
      ...trace,
      executions: [...trace.executions].reverse(),
      artifacts: [...trace.artifacts].reverse(),
      events: [...trace.events].reverse(),
    };
    const x = buildTraceGraph(trace);
    const y = buildTraceGraph(shuffled);
    expect(y.executions.map((e) => e.id)).toEqual([1, 2, 3]);
    for (const key of [
      'inputOffsets',
      'inputArtifacts',
      'outputArtifacts',
      'consumers',
      'producer',
      'topoOrder',
    ] as const) {
      expect([...y[key]], key).toEqual([...x[key]]);
    }
    // Trainer reads a1 (span) and a2 (stats): sorted by artifact index.
    expect([...x.inputArtifacts.subarray(x.inputOffsets[2]!, x.inputOffsets[3]!)]).toEqual([0, 1]);
    expect([...x.topoOrder]).toEqual([0, 1, 2]);
    expect([...x.rank]).toEqual([0, 1, 2]);
    expect(x.executionIndex(3)).toBe(2);
    expect(x.artifactIndex(42)).toBe(-1);
  });

  it('treats a re-emitted artifact as a reuse link, not a cycle', () => {
    const b = new TraceBuilder('p');
    const tr = b.execution('Trainer', { startMs: 1 });
    const model = b.output(tr, 'Model');
    const resolver = b.execution('Resolver', { startMs: 2, inputs: [model] });
    b.link(resolver, model, 'output');
    const g = buildTraceGraph(b.build());
    expect(g.producer[0]).toBe(0);
  });

  it('rejects a cycle and names it, starting at its smallest execution id', () => {
    const b = new TraceBuilder('p');
    const feeder = b.execution('ExampleGen'); // e1, outside the cycle
    const span = b.output(feeder, 'Examples'); // a1
    const x = b.execution('Transform', { inputs: [span] }); // e2
    const ax = b.output(x, 'T'); // a2
    const y = b.execution('Trainer', { inputs: [ax] }); // e3
    const ay = b.output(y, 'Model'); // a3
    const z = b.execution('Evaluator', { inputs: [ay] }); // e4
    const az = b.output(z, 'Eval'); // a4
    b.link(x, az, 'input');
    b.execution('Pusher', { inputs: [ay] }); // e5, downstream of the cycle
    const trace = b.build();
    expect(() => buildTraceGraph(trace)).toThrow(CycleError);
    expect(() => segmentGraphlets(trace)).toThrow(
      "core: trace 'p' is not a DAG: e2 -> a2 -> e3 -> a3 -> e4 -> a4 -> e2",
    );
    let error: unknown;
    try {
      buildTraceGraph(trace);
    } catch (caught) {
      error = caught;
    }
    expect((error as CycleError).cycle).toEqual(['e2', 'a2', 'e3', 'a3', 'e4', 'a4']);
  });

  it('treats reading and re-emitting the same artifact as reuse, not a self-loop', () => {
    const b = new TraceBuilder('q');
    const made = b.artifact('Model'); // a1, made outside this trace
    const resolver = b.execution('Resolver', { inputs: [made] }); // e1
    b.link(resolver, made, 'output');
    const trainer = b.execution('Trainer', { inputs: [[made, 'base_model']] }); // e2
    const g = buildTraceGraph(b.build());
    expect(g.producer[0]).toBe(-1);
    expect(segmentGraphlets(b.build()).graphlets.map((x) => x.trainer)).toEqual([trainer]);
  });

  it('rejects a two-node cycle', () => {
    const b = new TraceBuilder('q');
    const x = b.execution('Transform'); // e1
    const ax = b.output(x, 'T'); // a1
    const y = b.execution('Transform', { inputs: [ax] }); // e2
    b.link(x, b.output(y, 'T'), 'input'); // a2
    expect(() => buildTraceGraph(b.build())).toThrow(
      "core: trace 'q' is not a DAG: e1 -> a1 -> e2 -> a2 -> e1",
    );
  });

  it('rejects events on unknown nodes and duplicate ids', () => {
    const b = new TraceBuilder('p');
    const x = b.execution('Trainer');
    b.link(x, 7 as never, 'input');
    expect(() => buildTraceGraph(b.build())).toThrow('unknown node a7');
    const c = new TraceBuilder('p');
    c.execution('Trainer', { id: 3 });
    c.execution('Pusher', { id: 3 });
    expect(() => buildTraceGraph(c.build())).toThrow('two executions with id 3');
  });

  it('orders a long chain without recursion', () => {
    const b = new TraceBuilder('p');
    let art = b.output(b.execution('ExampleGen'), 'Examples');
    for (let i = 0; i < 50_000; i++)
      art = b.output(b.execution('Transform', { inputs: [art] }), 'T');
    const g = buildTraceGraph(b.build());
    expect(g.topoOrder.length).toBe(50_001);
    expect(g.topoOrder[50_000]).toBe(50_000);
  });
});
