import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Job } from '@graphlet/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failUnfinishedJobs, getJobRow } from '../store/job-rows.ts';
import { openDatabase } from '../store/open-database.ts';
import { JobError, JobRunner } from './job-runner.ts';

const settle = async (jobs: JobRunner, id: string): Promise<Job> => {
  for (;;) {
    const job = jobs.get(id)!;
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

describe('JobRunner', () => {
  let dir: string;
  let db: DatabaseSync;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphlet-jobs-'));
    db = openDatabase(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a registered kind, streams progress to subscribers and records the result', async () => {
    const jobs = new JobRunner(db);
    jobs.register<number>('count', async (n, context) => {
      for (let i = 1; i <= n; i++) context.progress({ done: i });
      return { total: n };
    });
    const job = jobs.start('count', 3, { done: 0 });
    expect(job.state).toBe('queued');
    const seen: Job[] = [];
    jobs.subscribe(job.id, (j) => seen.push(j));
    const final = await settle(jobs, job.id);
    expect(final).toMatchObject({ state: 'done', progress: { done: 3 }, result: { total: 3 } });
    expect(seen.map((j) => j.state)).toEqual(['running', 'running', 'running', 'running', 'done']);
    expect(getJobRow(db, job.id)).toEqual(final);
  });

  it('runs at most `concurrency` jobs at once and queues the rest', async () => {
    const jobs = new JobRunner(db, 2);
    let running = 0;
    let peak = 0;
    jobs.register<void>('wait', async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
    });
    const started = [1, 2, 3, 4].map(() => jobs.start('wait', undefined));
    expect(jobs.get(started[3]!.id)!.state).toBe('queued');
    await Promise.all(started.map((j) => settle(jobs, j.id)));
    expect(peak).toBe(2);
  });

  it('fails with the JobError code, or internal for anything else', async () => {
    const jobs = new JobRunner(db);
    jobs.register<string>('fail', async (how) => {
      if (how === 'job') throw new JobError('invalid_file', 'import: x.sqlite: not an MLMD store');
      throw new TypeError('boom');
    });
    const a = await settle(jobs, jobs.start('fail', 'job').id);
    expect(a.error).toEqual({
      code: 'invalid_file',
      message: 'import: x.sqlite: not an MLMD store',
    });
    const b = await settle(jobs, jobs.start('fail', 'other').id);
    expect(b.error).toEqual({ code: 'internal', message: 'jobs: boom' });
    expect(() => jobs.start('nope', 1)).toThrow(/unknown kind "nope"/);
    expect(() => jobs.register('fail', async () => {})).toThrow(/already registered/);
  });

  it('close interrupts running jobs; jobs left unfinished by a crash are failed on the next start', async () => {
    const jobs = new JobRunner(db);
    jobs.register<void>(
      'forever',
      (_input, context) =>
        new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const job = jobs.start('forever', undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await jobs.close();
    expect(getJobRow(db, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'interrupted' },
    });

    db.prepare("UPDATE jobs SET state = 'running', error = NULL").run();
    expect(failUnfinishedJobs(db, 'stopped')).toBe(1);
    expect(getJobRow(db, job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'interrupted', message: 'stopped' },
    });
  });
});
