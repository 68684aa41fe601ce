import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticTraceForBench } from '@graphlet/core/testing';
import { stringifyTraceDocument } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../jobs/job-runner.ts';
import { JobRowWriter } from '../store/job-row-writer.ts';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import { sqliteStore } from '../store/sqlite-store.ts';
import { Importer } from './importer.ts';

describe('Importer on a full disk', () => {
  it('fails the job insufficient_storage naming the folder, and stores nothing (SQLITE_FULL injected)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'graphlet-full-'));
    const db = openDatabase(dir);
    const rows = new JobRowWriter(join(dir, STORE_FILE));
    const jobs = new JobRunner(rows);
    // The store may grow by two pages only: the import worker's write fails as on a full disk.
    const { page_count } = db.prepare('PRAGMA page_count').get() as { page_count: number };
    const importer = new Importer(sqliteStore(db), join(dir, STORE_FILE), jobs, () => {}, {
      maxPageCount: page_count + 2,
    });
    try {
      const file = join(dir, 'big.json');
      writeFileSync(file, stringifyTraceDocument([syntheticTraceForBench(60)]));
      const { job } = await importer.submit({
        path: file,
        name: 'big.json',
        sha256: 'ab'.repeat(32),
        size: 1,
        kind: 'json',
        removeAfter: false,
      });
      let state = jobs.get(job!.id)!;
      for (let i = 0; i < 3000 && state.state !== 'failed' && state.state !== 'done'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        state = jobs.get(job!.id)!;
      }
      expect(state.state).toBe('failed');
      expect(state.error?.code).toBe('insufficient_storage');
      expect(state.error?.message).toContain(`the data folder ${dir} is full`);
      expect(state.error?.message).toContain('nothing of big.json was stored');
      const count = (table: string) =>
        (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect([count('sources'), count('traces'), count('graphlets')]).toEqual([0, 0, 0]);
      expect(db.isTransaction).toBe(false);
    } finally {
      await jobs.close();
      await importer.close();
      rows.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
