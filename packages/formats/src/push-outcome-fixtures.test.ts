import { pushOutcome, segmentGraphlets } from '@graphlet/core';
import { FAILED_TRAINERS_EXPECTED, failedTrainersTrace } from '@graphlet/core/testing';
import { describe, expect, it } from 'vitest';
import { readMlmdStore } from './read-mlmd-store.ts';
import { fixturePath } from './testing/fixtures.ts';
import { tempDir } from './testing/temp-dir.ts';
import { writeMlmdStore } from './write-mlmd-store.ts';

describe('pushOutcome on real TFX stores', () => {
  it('reads the Evaluator blessing (custom property blessed) and the Pusher declining', () => {
    const [trace] = readMlmdStore(fixturePath('tfx-1.15-interactive-two-trainers.sqlite')).traces;
    const outcomes = segmentGraphlets(trace!).graphlets.map((g) => pushOutcome(trace!, g));
    // Trainer 6: blessed by Evaluator 8, no Pusher in its graphlet. Trainer 10: not blessed, the
    // Pusher ran with its blessing and recorded pushed = 0.
    expect(outcomes.map((o) => [o.kind, o.blessings.map((b) => [b.type, b.blessed])])).toEqual([
      ['push-step-absent', [['ModelBlessing', true]]],
      ['push-declined', [['ModelBlessing', false]]],
    ]);
  });

  it('reads a pushed run of TFX 0.22 (schema v4, no execution states)', () => {
    const [trace] = readMlmdStore(fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite')).traces;
    const [outcome] = segmentGraphlets(trace!).graphlets.map((g) => pushOutcome(trace!, g));
    expect(outcome!.kind).toBe('pushed');
    expect(outcome!.blessings.map((b) => b.blessed)).toEqual([true]);
  });

  it('survives the MLMD writer: failed trainers read back failed', () => {
    const path = tempDir('push-outcome-')('failed.sqlite');
    writeMlmdStore(path, [failedTrainersTrace()]);
    const [trace] = readMlmdStore(path).traces;
    const graphlets = segmentGraphlets(trace!).graphlets;
    expect(graphlets.map((g) => g.failed)).toEqual(FAILED_TRAINERS_EXPECTED.failed);
    expect(graphlets.map((g) => pushOutcome(trace!, g).kind)).toEqual(
      FAILED_TRAINERS_EXPECTED.outcomes,
    );
  });
});
