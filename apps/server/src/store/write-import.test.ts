import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { executionId, type Trace } from '@graphlet/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedSource, ImportedTrace } from './imported-source.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openDatabase } from './open-database.ts';
import { replaceTrace } from './replace-trace.ts';
import { getResult, putResult } from './results-cache.ts';
import { searchCorpus, searchNodeRows } from './search-index.ts';
import { deleteSource, listSources } from './source-queries.ts';
import { transaction } from './statement.ts';
import { listGraphlets, listTraces } from './trace-queries.ts';
import { writeImport } from './write-import.ts';

const graphlet = (trainer: number) => ({
  trainer,
  index: 0,
  executions: [trainer],
  artifacts: [],
  spans: [],
  downstream: [],
  warmStart: false,
  failed: false,
  pushed: true,
  startMs: null,
  endMs: null,
  metrics: { executions: 1, artifacts: 0, spans: 0, computeSeconds: 0, durationMs: null },
});

const trace = (pipeline: string, graphlets = [graphlet(1)]): ImportedTrace => ({
  pipeline,
  payload: JSON.stringify({ pipeline, executions: [], artifacts: [], events: [] }),
  searchRows: [],
  layout: gzipSync('{"nodes":[],"edges":[]}'),
  summary: {
    executions: 1,
    artifacts: 0,
    graphlets: graphlets.length,
    failedGraphlets: 0,
    pushedShare: 1,
    lifespanDays: null,
    modelsPerDay: null,
    computeSeconds: 0,
  },
  graphlets,
  // A fake: not a saved part, so statistics would measure the trace again.
  stats: '{}',
});

const source = (traces: ImportedTrace[]): ImportedSource => ({
  id: 'abc',
  name: 'a.sqlite',
  sha256: 'abc'.padEnd(64, '0'),
  size: 10,
  kind: 'mlmd',
  schemaVersion: 10,
  jobId: null,
  traces,
});

describe('writeImport', () => {
  let dir: string;
  let db: DatabaseSync;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphlet-store-'));
    db = openDatabase(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a source with its traces and graphlets, and clears cached results', () => {
    putResult(db, 'stats:*', '{}', 1024);
    writeImport(db, source([trace('p1'), trace('p2')]));
    expect(listSources(db)).toEqual([expect.objectContaining({ id: 'abc', traces: 2 })]);
    expect(listTraces(db).map((t) => t.id)).toEqual(['abc-1', 'abc-2']);
    expect(listGraphlets(db, 'abc-2')).toEqual([graphlet(1)]);
    expect(getResult(db, 'stats:*')).toBeUndefined();
  });

  it('leaves nothing behind when a write fails midway', () => {
    // The second trace repeats a graphlet's primary key, failing after the source and trace 1 were inserted.
    const broken = source([trace('p1'), trace('p2', [graphlet(1), graphlet(1)])]);
    putResult(db, 'stats:*', '{}', 1024);
    expect(() => writeImport(db, broken)).toThrow(/UNIQUE/);
    expect(listSources(db)).toEqual([]);
    expect(listTraces(db)).toEqual([]);
    expect(listGraphlets(db, 'abc-1')).toEqual([]);
    expect(getResult(db, 'stats:*')).toBe('{}');
  });

  it('deletes a source with everything hanging off it', () => {
    writeImport(db, source([trace('p1')]));
    expect(deleteSource(db, 'abc')).toBe(true);
    expect(listTraces(db)).toEqual([]);
    expect(listGraphlets(db, 'abc-1')).toEqual([]);
    const orphans = db.prepare('SELECT COUNT(*) AS n FROM trace_payloads').get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(deleteSource(db, 'abc')).toBe(false);
  });
});

describe('migrate', () => {
  it('records applied versions once and refuses a store newer than the server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-store-'));
    const db = openDatabase(dir);
    try {
      expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
      const rows = db.prepare('SELECT version FROM schema_migrations').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      const journal = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
      expect(journal.journal_mode).toBe('wal');
      db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
      expect(() => migrate(db)).toThrow(/schema version 99/);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 10 (failed trainers)', () => {
  it('marks graphlets of failed trainers in stores imported before it, and recounts their traces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-store-'));
    const db = openDatabase(dir);
    try {
      migrate(db);
      // An import made before migration 10: trainer 2 failed, yet its graphlet was counted pushed.
      const noProperties = { properties: {}, customProperties: {} };
      const payload = JSON.stringify({
        pipeline: 'p',
        executions: [
          { id: 1, type: 'Trainer', role: 'trainer', state: 'complete', ...noProperties },
          { id: 2, type: 'Trainer', role: 'trainer', state: 'failed', ...noProperties },
        ],
        artifacts: [],
        events: [],
      });
      const old = trace('p', [
        { ...graphlet(1), pushed: false },
        { ...graphlet(2), index: 1 },
      ]);
      writeImport(db, source([{ ...old, payload }]));
      db.exec(`DELETE FROM schema_migrations WHERE version >= 10;
        ALTER TABLE graphlets DROP COLUMN failed; ALTER TABLE traces DROP COLUMN failed_graphlets;
        UPDATE traces SET pushed_share = 0.5;
        ALTER TABLE trace_payloads ADD COLUMN layout TEXT;`);
      // Only 10 is applied again: later migrations are not what this test undid.
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 10),
      );
      const graphlets = listGraphlets(db, 'abc-1');
      expect(graphlets.map((g) => [g.failed, g.pushed])).toEqual([
        [false, false],
        [true, false],
      ]);
      expect(listTraces(db)[0]).toMatchObject({ failedGraphlets: 1, pushedShare: 0 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('search index on the sync path', () => {
  it("a connection's sync replacing a pipeline's trace indexes the new nodes and drops the old", () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-store-'));
    const db = openDatabase(dir);
    try {
      migrate(db);
      const withTrainer = (name: string): ImportedTrace => {
        const t: Trace = {
          pipeline: 'p',
          executions: [
            {
              id: executionId(1),
              type: 'Trainer',
              role: 'trainer',
              state: 'complete',
              name,
              properties: {},
              customProperties: {},
            },
          ],
          artifacts: [],
          events: [],
        };
        return { ...trace('p'), payload: JSON.stringify(t), searchRows: searchNodeRows(t) };
      };
      writeImport(db, source([withTrainer('first-trainer-run')]));
      expect(searchCorpus(db, 'first-trainer', 10).hits.map((h) => h.nodeId)).toEqual(['e1']);
      transaction(db, () => replaceTrace(db, 'abc', withTrainer('second-trainer-run')));
      expect(searchCorpus(db, 'first-trainer', 10).hits).toEqual([]);
      expect(searchCorpus(db, 'second-trainer', 10).hits.map((h) => [h.traceId, h.nodeId])).toEqual(
        [['abc-1', 'e1']],
      );
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
