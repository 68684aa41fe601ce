import { describe, expect, it } from 'vitest';
import { createStatsAccumulator } from './stats/stats-accumulator.ts';
import { TraceBuilder } from './trace-builder.ts';
import { isTraceInputError, TraceError } from './trace-error.ts';
import { buildTraceGraph, CycleError } from './trace-graph.ts';
import { resolveFeatureOptions } from './waste/feature-definitions.ts';

/** The error `run` throws. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('TraceError', () => {
  it('is what core throws for a cycle, with the cycle and a detail without the prefix', () => {
    const b = new TraceBuilder('q');
    const x = b.execution('Transform');
    const ax = b.output(x, 'T');
    const y = b.execution('Transform', { inputs: [ax] });
    b.link(x, b.output(y, 'T'), 'input');
    const error = thrown(() => buildTraceGraph(b.build()));
    expect(error).toBeInstanceOf(CycleError);
    expect(error).toBeInstanceOf(TraceError);
    expect(error).toMatchObject({
      code: 'cycle',
      name: 'CycleError',
      detail: "trace 'q' is not a DAG: e1 -> a1 -> e2 -> a2 -> e1",
      message: "core: trace 'q' is not a DAG: e1 -> a1 -> e2 -> a2 -> e1",
    });
    expect(isTraceInputError(error)).toBe(true);
  });

  it('says invalid_trace for a malformed trace', () => {
    const b = new TraceBuilder('p');
    b.execution('Trainer', { id: 3 });
    b.execution('Pusher', { id: 3 });
    const error = thrown(() => buildTraceGraph(b.build()));
    expect(error).toMatchObject({
      name: 'TraceError',
      code: 'invalid_trace',
      message: "core: trace 'p' has two executions with id 3",
    });
    expect(isTraceInputError(error)).toBe(true);
  });

  it('says invalid_argument, prefixed with the module, for an option out of range', () => {
    const bins = thrown(() => createStatsAccumulator({ binsPerDecade: 0 }));
    expect(bins).toMatchObject({ code: 'invalid_argument', message: /^stats: / });
    const window = thrown(() => resolveFeatureOptions({ window: 0 }));
    expect(window).toMatchObject({ code: 'invalid_argument', message: /^waste: window/ });
    expect(isTraceInputError(window)).toBe(false);
    expect(isTraceInputError(new Error('core: trace p'))).toBe(false);
  });
});
