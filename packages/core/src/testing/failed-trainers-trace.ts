/**
 * A small daily TFX pipeline where half the Trainer runs fail, like real stores where most
 * graphlets were failed Trainer runs (issue 12). Its eight runs show every push outcome:
 * run 0 blessed and pushed; runs 1, 2, 4, 6 failed trainers; run 3 not blessed and the Pusher
 * declined; run 5 blessed and the Pusher failed; run 7 not blessed and no Pusher ran.
 */
import { CPU_SECONDS, MODEL_TYPE, PUSHED, SPAN } from '../metadata-keys.ts';
import type { PushOutcomeKind } from '../push-outcome.ts';
import type { Trace } from '../trace.ts';
import { TraceBuilder } from '../trace-builder.ts';

const TFX = 'tfx.components';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** CPU seconds recorded per execution; a failed trainer stops halfway. */
export const FAILED_TRAINERS_COST = {
  exampleGen: 100,
  trainer: 600,
  failedTrainer: 300,
  evaluator: 50,
  pusher: 5,
} as const;

type Run =
  | { readonly failed: true; readonly outcome: 'failed-trainer' }
  | {
      readonly failed: false;
      readonly blessed: boolean;
      readonly pusher: 'pushed' | 'declined' | 'failed' | 'none';
      /** What `pushOutcome` must say of this run. */
      readonly outcome: PushOutcomeKind;
    };

const RUNS: readonly Run[] = [
  { failed: false, blessed: true, pusher: 'pushed', outcome: 'pushed' },
  { failed: true, outcome: 'failed-trainer' },
  { failed: true, outcome: 'failed-trainer' },
  { failed: false, blessed: false, pusher: 'declined', outcome: 'push-declined' },
  { failed: true, outcome: 'failed-trainer' },
  { failed: false, blessed: true, pusher: 'failed', outcome: 'push-step-failed' },
  { failed: true, outcome: 'failed-trainer' },
  { failed: false, blessed: false, pusher: 'none', outcome: 'push-step-absent' },
];

/** What its graphlets must show, in trainer order: failed or not, and the push outcome. */
export const FAILED_TRAINERS_EXPECTED = {
  failed: RUNS.map((r) => r.failed),
  pushed: RUNS.map((r) => r.outcome === 'pushed'),
  outcomes: RUNS.map((r) => r.outcome),
} as const;

/** The trace: one ExampleGen span per day, each trained on (8 graphlets, 4 with failed trainers). */
export function failedTrainersTrace(pipeline = 'failing-trainers'): Trace {
  const b = new TraceBuilder(pipeline);
  const t0 = Date.UTC(2024, 5, 1);
  const cpu = (seconds: number) => ({ [CPU_SECONDS]: seconds });
  RUNS.forEach((run, day) => {
    const at = t0 + day * DAY;
    const gen = b.execution(`${TFX}.example_gen.csv_example_gen.component.CsvExampleGen`, {
      name: `${pipeline}:run-${day}:CsvExampleGen`,
      startMs: at,
      endMs: at + 5 * MINUTE,
      customProperties: cpu(FAILED_TRAINERS_COST.exampleGen),
    });
    const examples = b.output(gen, 'Examples', 'examples', {
      name: `examples:${day}`,
      uri: `/pipelines/${pipeline}/CsvExampleGen/examples/${day}`,
      createdMs: at + 5 * MINUTE,
      properties: { [SPAN]: day },
    });
    const trainer = b.execution(`${TFX}.trainer.component.Trainer`, {
      name: `${pipeline}:run-${day}:Trainer`,
      state: run.failed ? 'failed' : 'complete',
      startMs: at + 10 * MINUTE,
      endMs: at + (run.failed ? 20 : 40) * MINUTE,
      inputs: [[examples, 'examples']],
      customProperties: {
        ...cpu(run.failed ? FAILED_TRAINERS_COST.failedTrainer : FAILED_TRAINERS_COST.trainer),
        [MODEL_TYPE]: 'DNN',
      },
    });
    if (run.failed) return;
    const model = b.output(trainer, 'Model', 'model', {
      uri: `/pipelines/${pipeline}/Trainer/model/${day}`,
      createdMs: at + 40 * MINUTE,
    });
    const evaluator = b.execution(`${TFX}.evaluator.component.Evaluator`, {
      name: `${pipeline}:run-${day}:Evaluator`,
      startMs: at + 41 * MINUTE,
      endMs: at + 45 * MINUTE,
      inputs: [
        [examples, 'examples'],
        [model, 'model'],
      ],
      customProperties: cpu(FAILED_TRAINERS_COST.evaluator),
    });
    b.output(evaluator, 'ModelEvaluation', 'evaluation', { createdMs: at + 45 * MINUTE });
    const blessing = b.output(evaluator, 'ModelBlessing', 'blessing', {
      createdMs: at + 45 * MINUTE,
      customProperties: { blessed: run.blessed ? 1 : 0 },
    });
    if (run.pusher === 'none') return;
    const pusher = b.execution(`${TFX}.pusher.component.Pusher`, {
      name: `${pipeline}:run-${day}:Pusher`,
      state: run.pusher === 'failed' ? 'failed' : 'complete',
      startMs: at + 46 * MINUTE,
      endMs: at + 47 * MINUTE,
      inputs: [
        [model, 'model'],
        [blessing, 'model_blessing'],
      ],
      customProperties: cpu(FAILED_TRAINERS_COST.pusher),
    });
    if (run.pusher === 'failed') return;
    b.output(pusher, 'PushedModel', 'pushed_model', {
      createdMs: at + 47 * MINUTE,
      customProperties: { [PUSHED]: run.pusher === 'pushed' ? 1 : 0 },
    });
  });
  return b.build();
}
