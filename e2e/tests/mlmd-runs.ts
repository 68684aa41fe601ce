/**
 * Pipeline runs for the connection tests, written into a real MariaDB store: run `run` of a
 * pipeline is ExampleGen -> Trainer (warm-started from the previous run's model) -> Pusher,
 * ids `base + 10 * run + k`, so runs appended later extend their pipeline as KFP's do.
 */
import { artifactId, type Trace, TraceBuilder } from '@graphlet/core';

const T0 = 1_700_000_000_000;

/** One run of `pipeline`. */
export function pipelineRun(pipeline: string, base: number, run: number): Trace {
  const b = new TraceBuilder(pipeline);
  const id = base + 10 * run;
  const at = T0 + base * 1000 + run * 100_000;
  const gen = b.execution('CsvExampleGen', {
    id,
    name: 'CsvExampleGen',
    startMs: at,
    endMs: at + 1000,
  });
  const examples = b.output(gen, 'Examples', 'examples', { id, createdMs: at + 1000 });
  const inputs: [ReturnType<typeof artifactId>, string][] = [[examples, 'examples']];
  if (run > 0) inputs.push([artifactId(base + 10 * (run - 1) + 1), 'base_model']);
  const train = b.execution('Trainer', {
    id: id + 1,
    name: 'Trainer',
    startMs: at + 2000,
    endMs: at + 30_000,
    inputs,
  });
  const model = b.output(train, 'Model', 'model', { id: id + 1, createdMs: at + 30_000 });
  const push = b.execution('Pusher', {
    id: id + 2,
    name: 'Pusher',
    startMs: at + 31_000,
    endMs: at + 32_000,
    inputs: [[model, 'model']],
  });
  b.output(push, 'PushedModel', 'pushed_model', {
    id: id + 2,
    createdMs: at + 32_000,
    customProperties: { pushed: 1 },
  });
  return b.build();
}

/** Runs `from` to `to - 1` of one pipeline as one trace. */
export function pipelineRuns(pipeline: string, base: number, from: number, to: number): Trace {
  const parts = Array.from({ length: to - from }, (_, i) => pipelineRun(pipeline, base, from + i));
  return {
    pipeline,
    executions: parts.flatMap((t) => t.executions),
    artifacts: parts.flatMap((t) => t.artifacts),
    events: parts.flatMap((t) => t.events),
  };
}
