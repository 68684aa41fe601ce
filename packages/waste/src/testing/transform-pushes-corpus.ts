/** A small hand-built corpus for waste tests (CLI, server): pushed exactly when a Transform ran before training. */
import { type ArtifactId, type Trace, TraceBuilder } from '@graphlet/core';

/**
 * `pipelines` pipelines of `graphlets` graphlets each. Graphlet j of pipeline p ingests span j,
 * runs a Transform when (p + j) is even, trains (model type by pipeline) and runs a Pusher that
 * pushes exactly when the Transform ran. Costs: ExampleGen 10, Transform 20, Trainer 100, Pusher 1.
 */
export function transformPushesCorpus(
  pipelines: number,
  graphlets: number,
  warmStart = false,
): Trace[] {
  const types = ['DNN', 'Linear', 'Tree'];
  return Array.from({ length: pipelines }, (_, p) => {
    const b = new TraceBuilder(`pipeline-${p}`);
    let previousModel: ArtifactId | undefined;
    for (let j = 0; j < graphlets; j++) {
      const t0 = j * 3_600_000;
      const gen = b.execution('CsvExampleGen', {
        startMs: t0,
        customProperties: { cpu_seconds: 10 },
      });
      const span = b.output(gen, 'Examples', 'examples', { customProperties: { span: j } });
      const transformed = (p + j) % 2 === 0;
      const inputs: (ArtifactId | readonly [ArtifactId, string])[] = [span];
      if (transformed) {
        const tf = b.execution('Transform', {
          startMs: t0 + 1,
          inputs: [span],
          customProperties: { cpu_seconds: 20 },
        });
        inputs.push(b.output(tf, 'TransformGraph', 'transform_graph'));
      }
      if (warmStart && previousModel !== undefined) inputs.push([previousModel, 'base_model']);
      const trainer = b.execution('Trainer', {
        startMs: t0 + 2,
        inputs,
        customProperties: {
          cpu_seconds: 100,
          model_type: types[p % types.length]!,
          code_version: `v${j % 2}`,
        },
      });
      const model = b.output(trainer, 'Model', 'model');
      previousModel = model;
      const pusher = b.execution('Pusher', {
        startMs: t0 + 3,
        inputs: [model],
        customProperties: { cpu_seconds: 1 },
      });
      b.output(pusher, 'PushedModel', 'pushed_model', {
        customProperties: { pushed: transformed ? 1 : 0 },
      });
    }
    return b.build();
  });
}
