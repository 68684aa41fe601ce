import type { Trace } from '@graphlet/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openMlmdStore, readMlmdSource } from './read-mlmd-source.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { copyMlmdStore } from './testing/copy-mlmd-store.ts';
import { testDatabases } from './testing/databases.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';
import { formatErrorOf } from './testing/format-error-of.ts';
import { richTrace } from './testing/rich-trace.ts';
import { tempDir } from './testing/temp-dir.ts';
import { writeMlmdStoreTo } from './write-mlmd-server.ts';

/** Creating and dropping databases may be slow on a loaded machine. */
const HOOK_TIMEOUT = 120_000;

/** richTrace without its integer beyond 2^31, which MLMD's INT int_value cannot hold on servers. */
function serverRichTrace(pipeline: string, base: number): Trace {
  const trace = richTrace(pipeline, base);
  return {
    ...trace,
    artifacts: trace.artifacts.map((a) => {
      const { big: _, ...customProperties } = a.customProperties;
      return { ...a, customProperties };
    }),
  };
}

describe('openMlmdStore on SQLite files', () => {
  it.each(MLMD_FIXTURES)(
    '%s: the same traces as readMlmdStore, read pipeline by pipeline',
    async (file) => {
      const expected = readMlmdStore(fixturePath(file));
      expect(await readMlmdSource(fixturePath(file))).toEqual(expected);
    },
  );
});

describe.each(['mysql', 'postgres'] as const)('MLMD on %s', (kind) => {
  const databases = testDatabases('store_reader');
  const database = (tag: string) => databases.create(kind, tag);
  afterAll(databases.dropAll, HOOK_TIMEOUT);

  it.each(MLMD_FIXTURES)(
    '%s: copied at its own schema version, read as from the file',
    async (file) => {
      const db = await database('copy');
      await copyMlmdStore(fixturePath(file), db.url);
      expect(await readMlmdSource(db.url)).toEqual(readMlmdStore(fixturePath(file)));
    },
  );

  it.each(MLMD_FIXTURES)('%s: written with the v10 DDL, read back unchanged', async (file) => {
    const traces = readMlmdStore(fixturePath(file)).traces;
    const db = await database('fixture');
    await writeMlmdStoreTo(db.url, traces);
    expect(await readMlmdSource(db.url)).toEqual({ traces, schemaVersion: 10 });
  });

  it('keeps every kind of value and several pipelines, in pipeline order', async () => {
    const traces = [serverRichTrace('b', 1), serverRichTrace('a', 10), serverRichTrace('c', 20)];
    const db = await database('rich');
    await writeMlmdStoreTo(db.url, traces);
    const back = await readMlmdSource(db.url);
    expect(back.traces).toEqual([traces[1], traces[0], traces[2]]);
  });

  it('refuses an integer property that MLMD keeps in an INT column', async () => {
    const db = await database('int');
    const error = await formatErrorOf(() => writeMlmdStoreTo(db.url, [richTrace('a', 1)]));
    expect(error.message).toMatch(/property 'big' = 9007199254740993 does not fit/);
  });

  it('refuses a store of an unknown schema version, naming it', async () => {
    const db = await database('version');
    await writeMlmdStoreTo(db.url, [serverRichTrace('a', 1)]);
    await db.admin('UPDATE MLMDEnv SET schema_version = 11');
    const error = await formatErrorOf(() => openMlmdStore(db.url));
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('MLMD schema version 11 is not supported');
  });

  it('reports a database without MLMD tables', async () => {
    const db = await database('empty');
    const error = await formatErrorOf(() => openMlmdStore(db.url));
    expect(error.code).toBe('not_mlmd');
  });
});

describe('openMlmdStore on a SQLite file it cannot read', () => {
  const tmp = tempDir();
  it('reports a missing file', async () => {
    const error = await formatErrorOf(() => openMlmdStore(tmp('missing.sqlite')));
    expect(error.code).toBe('not_found');
  });
});
