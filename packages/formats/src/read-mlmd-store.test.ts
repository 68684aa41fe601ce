import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.ts';
import { iterateMlmdTraces, openMlmdPipelines, readMlmdStore } from './read-mlmd-store.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';
import { richTrace } from './testing/rich-trace.ts';
import { tempDir } from './testing/temp-dir.ts';
import { writeMlmdStore } from './write-mlmd-store.ts';

function formatErrorOf(run: () => unknown): FormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('readMlmdStore on the fixtures', () => {
  it.each([
    ['tfx-0.22-chicago-taxi-schema-v4.sqlite', 4, 'chicago_taxi_beam', 9, 11, 24],
    ['tfx-1.10-data-only-schema-v8.sqlite', 8, 'interactive-2022-11-25T10_41_49.834077', 5, 12, 18],
    ['tfx-1.10-partial-schema-v8.sqlite', 8, 'interactive-2022-11-11T23_40_43.180537', 4, 2, 5],
    [
      'tfx-1.15-interactive-two-trainers.sqlite',
      10,
      'interactive-2024-06-01T21_19_04.982918',
      13,
      21,
      44,
    ],
  ])('%s: schema v%i, one pipeline with every node', (file, version, pipeline, e, a, ev) => {
    const { traces, schemaVersion } = readMlmdStore(fixturePath(file));
    expect(schemaVersion).toBe(version);
    expect(
      traces.map((t) => [t.pipeline, t.executions.length, t.artifacts.length, t.events.length]),
    ).toEqual([[pipeline, e, a, ev]]);
  });

  it('reads v4 without states or node times, with event keys and indexes', () => {
    const [trace] = readMlmdStore(fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite')).traces;
    const trainer = trace!.executions.find((x) => x.role === 'trainer')!;
    expect(trainer).toMatchObject({ id: 7, state: 'unknown', startMs: undefined, name: undefined });
    expect(
      trace!.events.filter((x) => x.execution === 7).map((x) => [x.kind, x.key, x.index]),
    ).toEqual([
      ['input', 'examples', 0],
      ['input', 'transform_graph', 0],
      ['input', 'schema', 0],
      ['output', 'model', 0],
    ]);
    expect(trace!.events[0]).toMatchObject({ type: 'INPUT', timeMs: 1592444991941 });
  });

  it('reads v10 states, times, regular and custom properties, and decodes structs', () => {
    const [trace] = readMlmdStore(fixturePath('tfx-1.15-interactive-two-trainers.sqlite')).traces;
    const resolver = trace!.executions.find((x) => x.id === 7)!;
    expect(resolver).toMatchObject({
      state: 'cached',
      startMs: 1717291221692,
      endMs: 1717291221721,
    });
    const anomalies = trace!.artifacts.find((x) => x.id === 4)!;
    expect(anomalies.properties.split_names).toBe('["train", "eval", "test"]');
    expect(anomalies.customProperties.blessed).toEqual({ eval: 1, test: 1, train: 1 });
    const pushed = trace!.artifacts.find((x) => x.type === 'PushedModel')!;
    expect(pushed.customProperties.pushed).toBe(0);
    expect(pushed.state).toBe('live');
  });

  it('never modifies the store', () => {
    for (const file of MLMD_FIXTURES) {
      const path = fixturePath(file);
      const before = { bytes: readFileSync(path), mtime: statSync(path).mtimeMs };
      readMlmdStore(path);
      [...iterateMlmdTraces(path)];
      expect(readFileSync(path).equals(before.bytes)).toBe(true);
      expect(statSync(path).mtimeMs).toBe(before.mtime);
    }
  });

  it('iterates the same traces it reads', () => {
    for (const file of MLMD_FIXTURES) {
      expect([...iterateMlmdTraces(fixturePath(file))]).toEqual(
        readMlmdStore(fixturePath(file)).traces,
      );
    }
  });
});

describe('readMlmdStore on bad input', () => {
  const tmp = tempDir();

  it('reports a missing file', () => {
    expect(formatErrorOf(() => readMlmdStore(tmp('missing.sqlite')))).toMatchObject({
      code: 'not_found',
      message: `${tmp('missing.sqlite')}: no such file`,
    });
  });

  it('reports a file that is neither SQLite nor JSON', () => {
    writeFileSync(tmp('notes.txt'), 'hello\n');
    expect(formatErrorOf(() => readMlmdStore(tmp('notes.txt'))).message).toBe(
      `${tmp('notes.txt')}: not an SQLite database or JSON trace (expected an MLMD store such as metadata.sqlite, or a JSON trace document)`,
    );
  });

  it('reports an SQLite database that is not an MLMD store', () => {
    const db = new DatabaseSync(tmp('other.sqlite'));
    db.exec('CREATE TABLE t (x INTEGER)');
    db.close();
    expect(formatErrorOf(() => readMlmdStore(tmp('other.sqlite')))).toMatchObject({
      code: 'not_mlmd',
      message: `${tmp('other.sqlite')}: an SQLite database but not an MLMD store (no Execution/Artifact/Event tables)`,
    });
  });

  it.each(MLMD_FIXTURES)('reports %s cut in half as truncated', (file) => {
    const bytes = readFileSync(fixturePath(file));
    const cut = tmp(`cut-${file}`);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = formatErrorOf(() => readMlmdStore(cut));
    expect(error.code).toBe('truncated');
    expect(error.message).toMatch(/truncated or corrupt SQLite file/);
  });

  it('reports a damaged page as truncated or corrupt, not a crash', () => {
    const file = tmp('damaged.sqlite');
    copyFileSync(fixturePath('tfx-1.15-interactive-two-trainers.sqlite'), file);
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4096 * 2, bytes.length - 4096);
    writeFileSync(file, bytes);
    expect(formatErrorOf(() => readMlmdStore(file)).code).toBe('truncated');
  });
});

describe('pipeline membership', () => {
  const tmp = tempDir();

  it('follows ParentContext to descendants and puts unassociated executions in `default`', () => {
    const file = tmp('contexts.sqlite');
    copyFileSync(fixturePath('tfx-1.10-partial-schema-v8.sqlite'), file);
    const db = new DatabaseSync(file);
    // Keep only execution 1 on the pipeline itself; execution 2 through a run context, 3 and 4 nowhere.
    db.exec(`
      DELETE FROM Association;
      INSERT INTO Type (name, type_kind) VALUES ('my_run', 2);
      INSERT INTO Context (id, type_id, name) VALUES (100, (SELECT id FROM Type WHERE name = 'my_run'), 'r');
      INSERT INTO ParentContext (context_id, parent_context_id) VALUES (100, 1);
      INSERT INTO Association (context_id, execution_id) VALUES (1, 1), (100, 2);
    `);
    db.close();
    const traces = readMlmdStore(file).traces;
    expect(traces.map((t) => [t.pipeline, t.executions.map((x) => x.id)])).toEqual([
      ['interactive-2022-11-11T23_40_43.180537', [1, 2]],
      ['default', [3, 4]],
    ]);
    // Artifact 1 is touched by executions of both traces, so it is in both.
    expect(traces.map((t) => t.artifacts.map((x) => x.id))).toEqual([
      [1, 2],
      [1, 2],
    ]);
    expect([...iterateMlmdTraces(file)]).toEqual(traces);
  });

  it('reads several written pipelines the same way in one scan and pipeline by pipeline', () => {
    const file = tmp('three.sqlite');
    writeMlmdStore(file, [richTrace('b', 1), richTrace('a', 10), richTrace('c', 20)]);
    const traces = readMlmdStore(file).traces;
    expect(traces.map((t) => t.pipeline)).toEqual(['a', 'b', 'c']);
    expect([...iterateMlmdTraces(file)]).toEqual(traces);
  });

  it('reads pipelines by position in any order, and counts executions by role', () => {
    const file = tmp('by-position.sqlite');
    writeMlmdStore(file, [richTrace('b', 1), richTrace('a', 10)]);
    const traces = readMlmdStore(file).traces;
    const reader = openMlmdPipelines(file);
    try {
      expect(reader.pipelines).toEqual(['a', 'b', 'default']);
      expect(reader.read(1)).toEqual(traces[1]);
      expect(reader.read(0)).toEqual(traces[0]);
      expect(reader.read(2)).toBeUndefined(); // every execution belongs to a pipeline
      expect(() => reader.read(3)).toThrow(/no pipeline 3/);
      const trainers = traces.flatMap((t) => t.executions).filter((e) => e.role === 'trainer');
      expect(trainers.length).toBeGreaterThan(0);
      expect(reader.countExecutions('trainer')).toBe(trainers.length);
    } finally {
      reader.close();
    }
  });
});
