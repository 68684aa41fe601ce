import { writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { artifactId, executionId, type Trace, TraceBuilder } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { BIG_INT_REASON, BYTES_REASON, PROTO_REASON } from './mlmd-property-value.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';
import { tempDir } from './testing/temp-dir.ts';
import { openMlmdWriter, writeMlmdStore } from './write-mlmd-store.ts';

/** A pipeline whose ids start at `base`, with every kind of value the model holds. */
function richTrace(pipeline: string, base: number): Trace {
  const b = new TraceBuilder(pipeline);
  const gen = b.execution('tfx.components.example_gen.csv_example_gen.component.CsvExampleGen', {
    id: base,
    name: `${pipeline}.gen`,
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

describe('writeMlmdStore', () => {
  const tmp = tempDir();

  it('writes several pipelines that read back as the same model', () => {
    const traces = [richTrace('alpha', 1), richTrace('beta', 100), richTrace('gamma', 200)];
    const file = tmp('rich.sqlite');
    writeMlmdStore(file, traces);
    const back = readMlmdStore(file);
    expect(back.schemaVersion).toBe(10);
    expect(back.traces).toEqual(traces);
  });

  it.each(MLMD_FIXTURES)('rewrites %s as v10 without losing anything', (name) => {
    const original = readMlmdStore(fixturePath(name)).traces;
    const file = tmp(`copy-${name}`);
    writeMlmdStore(file, original);
    expect(readMlmdStore(file).traces).toEqual(original);
  });

  it('renumbers a later trace whose ids an earlier trace already used', () => {
    const first = richTrace('a', 1);
    const second = richTrace('b', 2);
    const file = tmp('collide.sqlite');
    writeMlmdStore(file, [first, second]);
    const [a, b] = readMlmdStore(file).traces;
    expect(a).toEqual(first);
    // Ids 2 and 3 were taken by trace a, so b's 2, 3, 4 become 4, 5, 6 (one past the largest).
    const renumber = (id: number) => ({ 2: 4, 3: 5, 4: 6 })[id] ?? id;
    expect(b).toEqual({
      ...second,
      executions: second.executions.map((e) => ({ ...e, id: executionId(renumber(e.id)) })),
      artifacts: second.artifacts.map((x) => ({ ...x, id: artifactId(renumber(x.id)) })),
      events: second.events.map((e) => ({
        ...e,
        execution: executionId(renumber(e.execution)),
        artifact: artifactId(renumber(e.artifact)),
      })),
    });
  });

  it('writes the v10 tables MLMD expects, with types, contexts and associations', () => {
    const file = tmp('tables.sqlite');
    const writer = openMlmdWriter(file, { batchRows: 3 });
    writer.writeTrace(richTrace('alpha', 1));
    writer.writeTrace(richTrace('beta', 10));
    writer.close();
    const db = new DatabaseSync(file, { readOnly: true });
    const count = (sql: string) => Number(db.prepare(sql).get()!.n);
    expect(count('SELECT COUNT(*) AS n FROM Context')).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM Association')).toBe(6);
    expect(count('SELECT COUNT(*) AS n FROM Attribution')).toBe(6);
    expect(count("SELECT COUNT(*) AS n FROM Type WHERE name = 'pipeline' AND type_kind = 2")).toBe(
      1,
    );
    expect(count("SELECT COUNT(*) AS n FROM TypeProperty WHERE name = 'span'")).toBe(1);
    expect(
      count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'idx_eventpath_event_id'"),
    ).toBe(1);
    expect(count('SELECT schema_version AS n FROM MLMDEnv')).toBe(10);
    db.close();
  });

  it('refuses to overwrite a file unless asked, and explains MLMD uniqueness rules', () => {
    const file = tmp('exists.sqlite');
    writeFileSync(file, 'x');
    expect(() => openMlmdWriter(file)).toThrow(/already exists/);
    const writer = openMlmdWriter(file, { overwrite: true });
    writer.writeTrace(richTrace('same', 1));
    expect(() => writer.writeTrace(richTrace('same', 50))).toThrow(/same pipeline name/);
    writer.close();
  });
});
