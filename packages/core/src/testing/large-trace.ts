/**
 * A realistic large trace for benchmarks and scale tests: a daily TFX pipeline with data
 * validation, Transform, a 7-day rolling-window Trainer (A/B pairs every sixth day, weekly warm
 * start), Evaluator against the last blessed model, Pusher with `pushed` flags and cached re-runs.
 * 450 trainers give about 7,100 nodes, like the paper's largest trace (§2.1). Seeded, deterministic.
 */
import type { ArtifactId } from '../ids.ts';
import { BASE_MODEL_KEY, PUSHED, SPAN } from '../metadata-keys.ts';
import type { Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

const TFX = 'tfx.components';
const DAY = 86_400_000;
const MINUTE = 60_000;
const WINDOW = 7;

/** A synthetic trace with exactly `trainers` trainer executions (each makes one graphlet). */
export function syntheticTraceForBench(trainers: number): Trace {
  const b = new TraceBuilder('bench');
  const random = mulberry32(0x5eed + trainers);
  const t0 = Date.UTC(2020, 0, 1);
  const window: ArtifactId[] = [];
  let schema: ArtifactId | undefined;
  let graph: ArtifactId | undefined;
  let lastModel: ArtifactId | undefined;
  let lastBlessed: ArtifactId | undefined;
  let trained = 0;

  const train = (name: string, start: number, warm: boolean) => {
    const inputs: (ArtifactId | readonly [ArtifactId, string])[] = window.map(
      (examples) => [examples, 'examples'] as const,
    );
    if (graph !== undefined) inputs.push([graph, 'transform_graph']);
    if (schema !== undefined) inputs.push([schema, 'schema']);
    if (warm && lastModel !== undefined) inputs.push([lastModel, BASE_MODEL_KEY]);
    const failed = random() < 0.02;
    const end = start + (60 + Math.floor(random() * 120)) * MINUTE;
    const trainer = b.execution(`${TFX}.trainer.component.Trainer`, {
      name,
      state: failed ? 'failed' : 'complete',
      startMs: start,
      endMs: end,
      inputs,
    });
    trained++;
    if (failed) return;
    const model = b.output(trainer, 'Model', 'model', { createdMs: end });
    b.output(trainer, 'ModelRun', 'model_run', { createdMs: end });
    if (name === 'Trainer') lastModel = model;
    const evalInputs: (ArtifactId | readonly [ArtifactId, string])[] = [[model, 'model']];
    if (lastBlessed !== undefined) evalInputs.push([lastBlessed, 'baseline_model']);
    const evaluator = b.execution(`${TFX}.evaluator.component.Evaluator`, {
      name: 'Evaluator',
      startMs: end + MINUTE,
      endMs: end + 20 * MINUTE,
      inputs: evalInputs,
    });
    const blessed = random() < 0.3 ? 1 : 0;
    b.output(evaluator, 'ModelEvaluation', 'evaluation', { createdMs: end + 20 * MINUTE });
    const blessing = b.output(evaluator, 'ModelBlessing', 'blessing', {
      createdMs: end + 20 * MINUTE,
      customProperties: { blessed },
    });
    if (blessed === 1) lastBlessed = model;
    const pusher = b.execution(`${TFX}.pusher.component.Pusher`, {
      name: 'Pusher',
      startMs: end + 21 * MINUTE,
      endMs: end + 25 * MINUTE,
      inputs: [
        [model, 'model'],
        [blessing, 'model_blessing'],
      ],
    });
    b.output(pusher, 'PushedModel', 'pushed_model', {
      createdMs: end + 25 * MINUTE,
      customProperties: { [PUSHED]: blessed },
    });
  };

  for (let day = 0; trained < trainers; day++) {
    const t = t0 + day * DAY;
    const eg = b.execution(`${TFX}.example_gen.csv_example_gen.component.CsvExampleGen`, {
      name: 'CsvExampleGen',
      startMs: t,
      endMs: t + 20 * MINUTE,
    });
    const span = b.output(eg, 'Examples', 'examples', {
      createdMs: t + 20 * MINUTE,
      properties: { [SPAN]: day },
    });
    const sg = b.execution(`${TFX}.statistics_gen.component.StatisticsGen`, {
      name: 'StatisticsGen',
      startMs: t + 21 * MINUTE,
      endMs: t + 30 * MINUTE,
      inputs: [[span, 'examples']],
    });
    const stats = b.output(sg, 'ExampleStatistics', 'statistics');
    if (day % 30 === 0) {
      const schemaGen = b.execution(`${TFX}.schema_gen.component.SchemaGen`, {
        name: 'SchemaGen',
        startMs: t + 31 * MINUTE,
        endMs: t + 32 * MINUTE,
        inputs: [[stats, 'statistics']],
      });
      schema = b.output(schemaGen, 'Schema', 'schema');
    }
    const validator = b.execution(`${TFX}.example_validator.component.ExampleValidator`, {
      name: 'ExampleValidator',
      startMs: t + 33 * MINUTE,
      endMs: t + 35 * MINUTE,
      inputs: [
        [stats, 'statistics'],
        ...(schema === undefined ? [] : [[schema, 'schema'] as const]),
      ],
    });
    b.output(validator, 'ExampleAnomalies', 'anomalies');
    const transform = b.execution(`${TFX}.transform.component.Transform`, {
      name: 'Transform',
      startMs: t + 36 * MINUTE,
      endMs: t + 90 * MINUTE,
      inputs: [[span, 'examples'], ...(schema === undefined ? [] : [[schema, 'schema'] as const])],
    });
    graph = b.output(transform, 'TransformGraph', 'transform_graph');
    const transformed = b.output(transform, 'Examples', 'transformed_examples');
    if (day % 10 === 9) {
      // A manual re-run whose ExampleGen and Transform hit the cache.
      const rerun = t + 100 * MINUTE;
      const cachedEg = b.execution(`${TFX}.example_gen.csv_example_gen.component.CsvExampleGen`, {
        name: 'CsvExampleGen',
        state: 'cached',
        startMs: rerun,
      });
      b.link(cachedEg, span, 'output', 'examples');
      const cachedTransform = b.execution(`${TFX}.transform.component.Transform`, {
        name: 'Transform',
        state: 'cached',
        startMs: rerun + MINUTE,
        inputs: [[span, 'examples']],
      });
      b.link(cachedTransform, transformed, 'output', 'transformed_examples');
    }
    window.push(transformed);
    if (window.length > WINDOW) window.shift();
    train('Trainer', t + 3 * 60 * MINUTE, day % 7 === 6);
    if (day % 6 === 0 && trained < trainers) train('Trainer_B', t + 3 * 60 * MINUTE + 5, false);
  }
  return b.build();
}

/** A small seeded PRNG (mulberry32), uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}
