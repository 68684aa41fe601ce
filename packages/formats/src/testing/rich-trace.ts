/** A hand-built trace holding every kind of value the model has, for round-trip tests. */
import { type Trace, TraceBuilder } from '@graphlet/core';
import { BIG_INT_REASON, BYTES_REASON, PROTO_REASON } from '../mlmd-property-value.ts';

/** A pipeline whose ids start at `base`, with every kind of value the model holds. */
export function richTrace(pipeline: string, base: number): Trace {
  const b = new TraceBuilder(pipeline);
  const gen = b.execution('tfx.components.example_gen.csv_example_gen.component.CsvExampleGen', {
    id: base,
    name: `${pipeline}.gen`,
    node: `${pipeline}.CsvExampleGen`,
    startMs: 1_700_000_000_000,
    endMs: 1_700_000_001_000,
    properties: { input_base: '/data', span_count: 3 },
    customProperties: { cpu_seconds: 12.5, ok: true, missing: null },
  });
  const span = b.output(gen, 'Examples', 'examples', {
    id: base,
    uri: '/data/span-1',
    name: `${pipeline}.span`,
    createdMs: 1_700_000_000_500,
    properties: { span: 1, split_names: '["train"]' },
    customProperties: {
      feature_statistics: { features: [{ name: 'age', kind: 'numeric', mean: 3.5 }] },
      list: [1, 'two', [false]],
      big: { $undecoded: '9007199254740993', reason: BIG_INT_REASON },
      raw: { $undecoded: 'AAEC/w==', reason: BYTES_REASON },
      any: { $undecoded: 'CgR0ZXN0', reason: PROTO_REASON },
      broken: {
        $undecoded: 'mlmd-struct::AAA',
        reason: 'mlmd-struct: payload is not valid base64',
      },
    },
  });
  const trainer = b.execution('tfx.components.trainer.component.Trainer', {
    id: base + 1,
    state: 'failed',
    inputs: [[span, 'examples']],
    customProperties: { model_type: 'DNN' },
  });
  const model = b.output(trainer, 'Model', 'model', { id: base + 1, state: 'abandoned' });
  const pusher = b.execution('tfx.components.pusher.component.Pusher', {
    id: base + 2,
    state: 'cached',
    inputs: [model],
  });
  b.link(
    pusher,
    b.artifact('PushedModel', { id: base + 2, customProperties: { pushed: 0 } }),
    'output',
  );
  const built = b.build();
  // Indexes and times on events, and the rarer event types, as MLMD records them.
  return {
    ...built,
    events: built.events.map((e, i) => ({
      ...e,
      index: i % 2 === 0 ? 0 : undefined,
      timeMs: 1_700_000_000_000 + i,
      type: e.kind === 'output' && i === built.events.length - 1 ? 'PENDING_OUTPUT' : e.type,
    })),
  };
}
