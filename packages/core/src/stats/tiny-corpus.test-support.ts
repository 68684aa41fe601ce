/** A tiny hand-built corpus whose statistics are computed by hand in stats-accumulator.test.ts. */
import type { Graphlet } from '../graphlet.ts';
import type { ArtifactId, ExecutionId } from '../ids.ts';
import type { Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

const T0 = Date.UTC(2021, 0, 1);
const H = 3_600_000;
const at = (h: number) => T0 + h * H;

/** A Graphlet literal with defaults; ids given as plain numbers in ascending order. */
export function graphlet(
  fields: Partial<Graphlet> & { trainer: ExecutionId; index: number },
): Graphlet {
  return {
    executions: [],
    artifacts: [],
    spans: [],
    downstream: [],
    warmStart: false,
    failed: false,
    pushed: false,
    ...fields,
  };
}

const sorted = <T extends number>(xs: T[]): T[] => [...xs].sort((a, b) => a - b);

/**
 * Pipeline alpha: two daily spans, three trainers (DNN, DNN, Linear), pushes 1 and 3; every
 * execution records cpu_seconds and times (first node at T0, last at T0 + 52 h).
 */
function alpha(): { trace: Trace; graphlets: Graphlet[] } {
  const b = new TraceBuilder('alpha');
  const cpu = (s: number) => ({ cpu_seconds: s });
  const e1 = b.execution('CsvExampleGen', {
    startMs: at(0),
    endMs: at(1),
    customProperties: cpu(100),
  });
  const s1 = b.output(e1, 'Examples', 'examples', {
    customProperties: {
      span: 1,
      feature_statistics: {
        features: [
          { name: 'f_num', kind: 'numeric', mean: 10, std: 2 },
          { name: 'f_cat', kind: 'categorical', domainSize: 100 },
        ],
      },
    },
  });
  const e3 = b.execution('StatisticsGen', {
    startMs: at(1),
    endMs: at(2),
    customProperties: cpu(50),
    inputs: [s1],
  });
  const e4 = b.execution('Transform', {
    startMs: at(1),
    endMs: at(2),
    customProperties: { ...cpu(30), analyzers: { vocabulary: 2, min: 1 } },
    inputs: [s1],
  });
  const trainer = (
    start: number,
    end: number,
    s: number,
    type: string,
    code: string,
    inputs: ArtifactId[],
  ) =>
    b.execution('Trainer', {
      startMs: at(start),
      endMs: at(end),
      customProperties: { ...cpu(s), model_type: type, code_version: code },
      inputs,
    });
  const t1 = trainer(2, 4, 200, 'dnn', 'a', [s1]);
  const m1 = b.output(t1, 'Model', 'model');
  const p1 = b.execution('Pusher', {
    startMs: at(4),
    endMs: at(5),
    customProperties: cpu(10),
    inputs: [m1],
  });
  b.output(p1, 'PushedModel', 'pushed_model', { customProperties: { pushed: 1 } });
  const e2 = b.execution('CsvExampleGen', {
    startMs: at(24),
    endMs: at(25),
    customProperties: cpu(100),
  });
  const s2 = b.output(e2, 'Examples', 'examples', {
    customProperties: {
      span: 2,
      feature_statistics: {
        features: [
          { name: 'f_num', kind: 'numeric', mean: 10.1, std: 2.1 },
          { name: 'f_cat', kind: 'categorical', domainSize: 150 },
        ],
      },
    },
  });
  const t2 = trainer(26, 29, 300, 'DNN', 'a', [s1, s2]);
  b.output(t2, 'Model', 'model');
  const t3 = trainer(50, 51, 100, 'linear', 'b', [s2]);
  const m3 = b.output(t3, 'Model', 'model');
  const p3 = b.execution('Pusher', {
    startMs: at(51),
    endMs: at(52),
    customProperties: cpu(10),
    inputs: [m3],
  });
  b.output(p3, 'PushedModel', 'pushed_model', { customProperties: { pushed: 1 } });
  return {
    trace: b.build(),
    graphlets: [
      // Given out of order: the engine must sort by index.
      graphlet({
        trainer: t3,
        index: 2,
        executions: sorted([e2, t3, p3]),
        spans: [s2],
        downstream: [p3],
        pushed: true,
        warmStart: true,
        startMs: at(50),
      }),
      graphlet({
        trainer: t1,
        index: 0,
        executions: sorted([e1, e3, e4, t1, p1]),
        spans: [s1],
        downstream: [p1],
        pushed: true,
        startMs: at(2),
      }),
      graphlet({
        trainer: t2,
        index: 1,
        executions: sorted([e1, e2, e3, e4, t2]),
        spans: sorted([s1, s2]),
        startMs: at(26),
      }),
    ],
  };
}

/** Pipeline beta: times only (no cpu_seconds, no model type), one unpushed graphlet at T0 + 240 h. */
function beta(): { trace: Trace; graphlets: Graphlet[] } {
  const b = new TraceBuilder('beta');
  const e = b.execution('CsvExampleGen', { startMs: at(240), endMs: at(240.5) });
  const s = b.output(e, 'Examples', 'examples');
  const tf = b.execution('Transform', {
    inputs: [s],
    properties: { analyzers: '{"vocabulary": 1, "custom": 3}' },
  });
  const t = b.execution('Trainer', { startMs: at(241), endMs: at(242), inputs: [s] });
  const m = b.output(t, 'Model', 'model');
  const p = b.execution('Pusher', { inputs: [m] });
  b.output(p, 'PushedModel', 'pushed_model', { customProperties: { pushed: 0 } });
  return {
    trace: b.build(),
    graphlets: [
      graphlet({
        trainer: t,
        index: 0,
        executions: [e, tf, t, p],
        spans: [s],
        downstream: [p],
        startMs: at(241),
      }),
    ],
  };
}

/** Pipeline gamma: data only, no trainer; an ExampleGen without times and a cached StatisticsGen. */
function gamma(): { trace: Trace; graphlets: Graphlet[] } {
  const b = new TraceBuilder('gamma');
  const e = b.execution('CsvExampleGen');
  const s = b.output(e, 'Examples', 'examples');
  b.execution('StatisticsGen', { state: 'cached', startMs: at(480), endMs: at(481), inputs: [s] });
  return { trace: b.build(), graphlets: [] };
}

/** The three pipelines. */
export function tinyCorpus(): { trace: Trace; graphlets: Graphlet[] }[] {
  return [alpha(), beta(), gamma()];
}
