import { writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { artifactId, executionId, TraceBuilder } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { readMlmdStore } from './read-mlmd-store.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';
import { richTrace } from './testing/rich-trace.ts';
import { tempDir } from './testing/temp-dir.ts';
import { openMlmdWriter, writeMlmdStore } from './write-mlmd-store.ts';

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
    // A pipeline context and a `node` context (its example gen's) per trace.
    expect(count('SELECT COUNT(*) AS n FROM Context')).toBe(4);
    expect(count('SELECT COUNT(*) AS n FROM Association')).toBe(8);
    expect(count("SELECT COUNT(*) AS n FROM Type WHERE name = 'node' AND type_kind = 2")).toBe(1);
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

  it('keeps node names that repeat run after run (the model uses them as node names)', () => {
    const b = new TraceBuilder('daily');
    for (let day = 0; day < 3; day++) {
      const gen = b.execution('CsvExampleGen', { name: 'CsvExampleGen', startMs: day + 1 });
      b.output(gen, 'Examples', 'examples', { name: 'examples' });
    }
    const file = tmp('names.sqlite');
    writeMlmdStore(file, [b.build()]);
    expect(readMlmdStore(file).traces).toEqual([b.build()]);
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
