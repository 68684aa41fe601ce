/**
 * Pipeline runs for sync tests: run `run` of a pipeline is ExampleGen -> Trainer (warm-started
 * from the previous run's model) -> Pusher, with ids `base + 10 * run + k`, so that runs appended
 * to a store later extend its pipelines (as KFP and TFX append to MLMD).
 */
import { artifactId, type Trace, TraceBuilder } from '@graphlet/core';

const T0 = 1_700_000_000_000;

/** One run of `pipeline`; ids from `base + 10 * run`. */
export function pipelineRun(pipeline: string, base: number, run: number): Trace {
  const b = new TraceBuilder(pipeline);
  const id = base + 10 * run;
  const at = T0 + base * 1000 + run * 100;
  const gen = b.execution('CsvExampleGen', {
    id,
    name: 'CsvExampleGen',
    startMs: at,
    endMs: at + 1,
  });
  const examples = b.output(gen, 'Examples', 'examples', { id, createdMs: at + 1 });
  const inputs: [ReturnType<typeof artifactId>, string][] = [[examples, 'examples']];
  if (run > 0) inputs.push([artifactId(base + 10 * (run - 1) + 1), 'base_model']);
  const train = b.execution('Trainer', {
    id: id + 1,
    name: 'Trainer',
    startMs: at + 2,
    endMs: at + 3,
    inputs,
  });
  const model = b.output(train, 'Model', 'model', { id: id + 1, createdMs: at + 3 });
  const push = b.execution('Pusher', {
    id: id + 2,
    name: 'Pusher',
    startMs: at + 4,
    endMs: at + 5,
    inputs: [[model, 'model']],
  });
  b.output(push, 'PushedModel', 'pushed_model', {
    id: id + 2,
    createdMs: at + 5,
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

/** Polls `check` every 20 ms until it returns a value other than undefined (or times out). */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`test: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
