import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { stringifyTraceDocument } from '@graphlet/formats';
import { generateCorpusPipeline } from '@graphlet/synth';
import { describe, expect, it } from 'vitest';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import { importInWorker } from './import-in-worker.ts';
import { ImportWorkerPool } from './worker-pool.ts';

// A million-node import left its ~600 MB of WAL pages for the main thread's next write to copy
// into the store file (SQLite's auto-checkpoint copies only up to the oldest snapshot a reader
// holds, and a reader held one over the commit): requests waited 0.2 to 0.4 s behind that write.
describe('an import worker', () => {
  it('copies its pages into the store file itself, past a reader held over its commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-backfill-'));
    const db = openDatabase(dir);
    const file = join(dir, STORE_FILE);
    const reader = new DatabaseSync(file, { readOnly: true });
    const workers = new ImportWorkerPool();
    try {
      const input = join(dir, 'corpus.json');
      writeFileSync(
        input,
        stringifyTraceDocument(Array.from({ length: 12 }, (_, i) => generateCorpusPipeline(3, i))),
      );
      const { id: jobId } = db
        .prepare(
          "INSERT INTO jobs (kind, state, progress, created, updated) VALUES ('import', 'running', '{}', '', '') RETURNING id",
        )
        .get() as { id: number };
      reader.exec('BEGIN');
      reader.prepare('SELECT COUNT(*) FROM jobs').get();
      // The last trace's progress comes before the commit: the snapshot is released after it.
      const imported = importInWorker(
        workers,
        { path: input, name: 'corpus.json', size: 1, storeLocation: file },
        { id: 'source-1', sha256: 'ab'.repeat(32), jobId },
        {
          id: String(jobId),
          signal: new AbortController().signal,
          progress: ({ tracesImported, tracesTotal }) => {
            if (
              typeof tracesTotal === 'number' &&
              tracesTotal > 0 &&
              tracesImported === tracesTotal
            )
              setTimeout(() => reader.isTransaction && reader.exec('COMMIT'), 100);
          },
        },
      );
      expect(await imported).toMatchObject({ traces: 12 });
      if (reader.isTransaction) reader.exec('COMMIT');
      const { page_count } = reader.prepare('PRAGMA page_count').get() as { page_count: number };
      const { page_size } = reader.prepare('PRAGMA page_size').get() as { page_size: number };
      expect(page_count).toBeGreaterThan(1000);
      // The file holds every page a reader sees: nothing is left for the next writer to copy.
      expect(statSync(file).size).toBe(page_count * page_size);
    } finally {
      await workers.close();
      reader.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
