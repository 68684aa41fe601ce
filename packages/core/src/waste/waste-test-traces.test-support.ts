/** Hand-built traces for the waste feature tests; expected values are worked out in the tests. */
import type { ArtifactId } from '../ids.ts';
import type { JsonValue, Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

const stats = (b: { mean: number; domain: number }): JsonValue => ({
  features: [
    { name: 'a', kind: 'numeric', mean: b.mean, std: 1 },
    { name: 'b', kind: 'categorical', domainSize: b.domain },
  ],
});

/**
 * Three graphlets. G1 (trainer 1): ExampleGen -> span 1 (StatisticsGen validates it) -> Trainer
 * (DNN, v1, 64x32) -> Evaluator -> Pusher (pushed). G2: a second ExampleGen -> span 2; Trainer
 * (Linear, v2) reads spans 1 and 2, unpushed. G3: Trainer (no model type, v1, still running) reads span 2.
 */
export function threeGraphletTrace(pipeline = 'p'): Trace {
  const b = new TraceBuilder(pipeline);
  const gen1 = b.execution('CsvExampleGen', { customProperties: { cpu_seconds: 10 } });
  const s1 = b.output(gen1, 'Examples', 'examples', {
    customProperties: { span: 1, feature_statistics: stats({ mean: 0, domain: 10 }) },
  });
  const sg = b.execution('StatisticsGen', { inputs: [s1], customProperties: { cpu_seconds: 5 } });
  b.output(sg, 'ExampleStatistics', 'statistics');
  const t1 = b.execution('Trainer', {
    inputs: [s1],
    startMs: 1000,
    customProperties: {
      cpu_seconds: 100,
      model_type: 'DNN',
      code_version: 'v1',
      model_architecture: '64x32',
    },
  });
  const m1 = b.output(t1, 'Model', 'model');
  const ev = b.execution('Evaluator', { inputs: [m1], customProperties: { cpu_seconds: 20 } });
  const blessing = b.output(ev, 'ModelBlessing', 'blessing');
  const pusher = b.execution('Pusher', {
    inputs: [m1, blessing],
    customProperties: { cpu_seconds: 1 },
  });
  b.output(pusher, 'PushedModel', 'pushed_model', { customProperties: { pushed: 1 } });

  const gen2 = b.execution('CsvExampleGen', { customProperties: { cpu_seconds: 30 } });
  const s2 = b.output(gen2, 'Examples', 'examples', {
    customProperties: { span: 2, feature_statistics: stats({ mean: 0.05, domain: 20 }) },
  });
  const t2 = b.execution('Trainer', {
    inputs: [s1, s2],
    startMs: 2000,
    customProperties: { cpu_seconds: 50, model_type: 'linear', code_version: 'v2' },
  });
  b.output(t2, 'Model', 'model');
  b.execution('Trainer', {
    inputs: [s2],
    state: 'running',
    startMs: 3000,
    endMs: 10_000,
    customProperties: { code_version: 'v1' },
  });
  return b.build();
}

/** Two graphlets; the second trainer warm-starts from the first one's model (`base_model`). */
export function warmStartTrace(pipeline = 'w'): Trace {
  const b = new TraceBuilder(pipeline);
  const gen = b.execution('CsvExampleGen');
  const span = b.output(gen, 'Examples', 'examples');
  const t1 = b.execution('Trainer', { inputs: [span], startMs: 1 });
  const model: ArtifactId = b.output(t1, 'Model', 'model');
  b.execution('Trainer', { inputs: [span, [model, 'base_model']], startMs: 2 });
  return b.build();
}
