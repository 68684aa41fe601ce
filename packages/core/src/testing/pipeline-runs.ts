/**
 * Pipeline runs for sync, connection and incremental-read tests and benchmarks: run `run` of a
 * pipeline is ExampleGen -> Trainer (warm-started from the previous run's model) -> Pusher, with
 * ids `base + 10 * run + k`, so that runs appended to a store later extend its pipelines (as KFP
 * and TFX append to MLMD). The spacing sets how far apart the runs and their steps are in time.
 */
import { type ArtifactId, artifactId } from '../ids.ts';
import type { ExecutionState, Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

/** How far apart in time runs and their steps are (ms). */
export interface RunSpacing {
  /** Between the starts of runs `run` and `run + 1`. */
  readonly runMs: number;
  /** ExampleGen end, Trainer start, Trainer end, Pusher start, Pusher end, after the run's start. */
  readonly stepsMs: readonly [number, number, number, number, number];
}

/** Runs a few milliseconds long: enough for order, as unit tests need. */
export const compactSpacing: RunSpacing = { runMs: 100, stepsMs: [1, 2, 3, 4, 5] };

/** Runs about half a minute long, as a browser shows them (seconds apart on the time axis). */
export const realisticSpacing: RunSpacing = {
  runMs: 100_000,
  stepsMs: [1000, 2000, 30_000, 31_000, 32_000],
};

/** Options of {@link pipelineRun}. */
export interface PipelineRunOptions {
  readonly spacing?: RunSpacing;
  /** The Trainer's state (a still running Trainer for incremental reads). */
  readonly trainer?: ExecutionState;
  /** The run's start; by default from `base` and `run`. */
  readonly startMs?: number;
}

const T0 = 1_700_000_000_000;

/** One run of `pipeline`; ids from `base + 10 * run`. */
export function pipelineRun(
  pipeline: string,
  base: number,
  run: number,
  options: PipelineRunOptions = {},
): Trace {
  const spacing = options.spacing ?? compactSpacing;
  const [genEnd, trainStart, trainEnd, pushStart, pushEnd] = spacing.stepsMs;
  const b = new TraceBuilder(pipeline);
  const id = base + 10 * run;
  const at = options.startMs ?? T0 + base * 1000 + run * spacing.runMs;
  const gen = b.execution('CsvExampleGen', {
    id,
    name: 'CsvExampleGen',
    startMs: at,
    endMs: at + genEnd,
  });
  const examples = b.output(gen, 'Examples', 'examples', { id, createdMs: at + genEnd });
  const inputs: [ArtifactId, string][] = [[examples, 'examples']];
  if (run > 0) inputs.push([artifactId(base + 10 * (run - 1) + 1), 'base_model']);
  const train = b.execution('Trainer', {
    id: id + 1,
    name: 'Trainer',
    state: options.trainer ?? 'complete',
    startMs: at + trainStart,
    endMs: at + trainEnd,
    inputs,
  });
  const model = b.output(train, 'Model', 'model', { id: id + 1, createdMs: at + trainEnd });
  const push = b.execution('Pusher', {
    id: id + 2,
    name: 'Pusher',
    startMs: at + pushStart,
    endMs: at + pushEnd,
    inputs: [[model, 'model']],
  });
  b.output(push, 'PushedModel', 'pushed_model', {
    id: id + 2,
    createdMs: at + pushEnd,
    customProperties: { pushed: 1 },
  });
  return b.build();
}

/** Runs `from` to `to - 1` of one pipeline as one trace. */
export function pipelineRuns(
  pipeline: string,
  base: number,
  from: number,
  to: number,
  spacing: RunSpacing = compactSpacing,
): Trace {
  const parts = Array.from({ length: to - from }, (_, i) =>
    pipelineRun(pipeline, base, from + i, { spacing }),
  );
  return {
    pipeline,
    executions: parts.flatMap((t) => t.executions),
    artifacts: parts.flatMap((t) => t.artifacts),
    events: parts.flatMap((t) => t.events),
  };
}

/**
 * The sync scenario the connection tests share: five pipelines p0..p4 of two runs each, then ten
 * new runs appended (a third run of p0..p3 and six runs of a new pipeline p5), each run three
 * executions and three artifacts.
 */
export function tenNewRunsScenario(spacing: RunSpacing = compactSpacing) {
  const pipelines = ['p0', 'p1', 'p2', 'p3', 'p4'];
  const options = { spacing };
  return {
    pipelines,
    initial: pipelines.map((p, i) => pipelineRuns(p, 100 * i, 0, 2, spacing)),
    appended: [
      ...['p0', 'p1', 'p2', 'p3'].map((p, i) => pipelineRun(p, 100 * i, 2, options)),
      ...[0, 1, 2, 3, 4, 5].map((r) => pipelineRun('p5', 500, r, options)),
    ],
    /** Executions per pipeline, in name order, once the new runs are read. */
    executionsAfter: [
      ['p0', 9],
      ['p1', 9],
      ['p2', 9],
      ['p3', 9],
      ['p4', 6],
      ['p5', 18],
    ] as [string, number][],
  };
}
