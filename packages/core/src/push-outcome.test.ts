import { describe, expect, it } from 'vitest';
import { pushOutcome } from './push-outcome.ts';
import { segmentGraphlets } from './segment-graphlets.ts';
import { FAILED_TRAINERS_EXPECTED, failedTrainersTrace } from './testing/failed-trainers-trace.ts';
import { TraceBuilder } from './trace-builder.ts';

describe('pushOutcome', () => {
  const trace = failedTrainersTrace();
  const graphlets = segmentGraphlets(trace).graphlets;
  const outcomes = graphlets.map((g) => pushOutcome(trace, g));

  it('keeps failed trainers as graphlets, marked failed and never pushed', () => {
    expect(graphlets.map((g) => g.failed)).toEqual(FAILED_TRAINERS_EXPECTED.failed);
    expect(graphlets.map((g) => g.pushed)).toEqual(FAILED_TRAINERS_EXPECTED.pushed);
  });

  it('says what each run shows', () => {
    expect(outcomes.map((o) => o.kind)).toEqual(FAILED_TRAINERS_EXPECTED.outcomes);
    expect(outcomes.map((o) => o.blessings.map((b) => b.blessed))).toEqual([
      [true],
      [],
      [],
      [false],
      [],
      [true],
      [],
      [false],
    ]);
    expect(outcomes[1]!.sentence).toBe(
      'The Trainer run failed: it made no model, so this graphlet is no push decision (its compute was still spent).',
    );
    expect(outcomes[3]!.sentence).toBe(
      'Not pushed: the model validator (Evaluator) did not bless the model, and the Pusher ran and declined to push the model.',
    );
    expect(outcomes[5]!.sentence).toBe(
      'Not pushed: the model validator (Evaluator) blessed the model, and the Pusher run failed.',
    );
    expect(outcomes[7]!.sentence).toBe(
      'Not pushed: the model validator (Evaluator) did not bless the model, and no push step ran in this graphlet.',
    );
    expect(outcomes[0]!.sentence).toBe(
      'Pushed: the model validator (Evaluator) blessed the model, and the Pusher pushed the model.',
    );
    expect(outcomes[0]!.pushers).toHaveLength(1);
  });

  it('reads a blessing only from *Blessing artifacts, not from ExampleAnomalies', () => {
    const b = new TraceBuilder();
    const gen = b.execution('CsvExampleGen');
    const ex = b.output(gen, 'Examples', 'examples');
    const validator = b.execution('tfx.components.example_validator.component.ExampleValidator', {
      inputs: [ex],
    });
    b.output(validator, 'ExampleAnomalies', 'anomalies', { customProperties: { blessed: 1 } });
    b.execution('tfx.components.trainer.component.Trainer', { inputs: [ex], state: 'canceled' });
    const t = b.build();
    const [g] = segmentGraphlets(t).graphlets;
    const outcome = pushOutcome(t, g!);
    expect(outcome.blessings).toEqual([]);
    expect(outcome.kind).toBe('failed-trainer');
    expect(outcome.sentence).toMatch(/^The Trainer run was canceled:/);
  });

  it('says so when no validator recorded a blessing', () => {
    const b = new TraceBuilder();
    const gen = b.execution('CsvExampleGen');
    const ex = b.output(gen, 'Examples', 'examples');
    b.execution('tfx.components.trainer.component.Trainer', { inputs: [ex] });
    const t = b.build();
    const outcome = pushOutcome(t, segmentGraphlets(t).graphlets[0]!);
    expect(outcome.kind).toBe('push-step-absent');
    expect(outcome.sentence).toBe(
      'Not pushed: no validator recorded a blessing, and no push step ran in this graphlet.',
    );
  });
});
