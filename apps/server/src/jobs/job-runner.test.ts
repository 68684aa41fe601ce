import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Job } from '@graphlet/contract';
import { isFinalJob } from '@graphlet/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRowWriter } from '../store/job-row-writer.ts';
import { failUnfinishedJobs, getJobRow } from '../store/job-rows.ts';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import { JobError, QueueFullError } from './job-queue.ts';
import { JobRunner } from './job-runner.ts';

const settle = async (jobs: JobRunner, id: string): Promise<Job> => {
  for (;;) {
    const job = jobs.get(id)!;
    if (isFinalJob(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

describe('JobRunner', () => {
  let dir: string;
  let db: DatabaseSync;
  let rows: JobRowWriter;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphlet-jobs-'));
    db = openDatabase(dir);
    rows = new JobRowWriter(join(dir, STORE_FILE));
  });
  afterEach(() => {
    rows.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a registered kind, streams progress to subscribers and records the result', async () => {
    const jobs = new JobRunner(rows);
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

  it('runs at most `concurrency` jobs of a slot at once and queues the rest', async () => {
    const jobs = new JobRunner(rows, { slots: { wait: 2 } });
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
    const jobs = new JobRunner(rows);
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
    const jobs = new JobRunner(rows);
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

  it('gives each slot its own queue: a long queue of one kind does not delay another', async () => {
    const jobs = new JobRunner(rows);
    const releases: (() => void)[] = [];
    jobs.register<void>('train', () => new Promise<void>((resolve) => releases.push(resolve)), {
      slot: 'train',
    });
    jobs.register<void>('import', async () => 'imported', { slot: 'import' });
    const trainings = [1, 2, 3, 4, 5].map(() => jobs.start('train', undefined));
    const imported = await settle(jobs, jobs.start('import', undefined).id);
    expect(imported).toMatchObject({ state: 'done', result: 'imported' });
    expect(trainings.map((t) => jobs.get(t.id)!.state)).toEqual([
      'running',
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    while (releases.length > 0 || trainings.some((t) => !isFinalJob(jobs.get(t.id)!))) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  });

  it('caps the queue of a slot and says when to retry', async () => {
    const jobs = new JobRunner(rows, { queueLimit: 2 });
    jobs.register<void>(
      'slow',
      (_input, context) =>
        new Promise<void>((_resolve, reject) =>
          context.signal.addEventListener('abort', () => reject(new Error('stop'))),
        ),
    );
    jobs.start('slow', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    jobs.start('slow', undefined);
    jobs.start('slow', undefined);
    let refused: unknown;
    try {
      jobs.start('slow', undefined);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(QueueFullError);
    expect((refused as QueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await jobs.close();
  });

  it('cancels a queued job and a running one: both end canceled, the runner saw the signal', async () => {
    const jobs = new JobRunner(rows);
    let sawAbort = false;
    jobs.register<void>(
      'slow',
      (_input, context) =>
        new Promise<void>((_resolve, reject) =>
          context.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('stop'));
          }),
        ),
    );
    const running = jobs.start('slow', undefined);
    const queued = jobs.start('slow', undefined);
    await new Promise((resolve) => setImmediate(resolve));
    expect(jobs.get(running.id)!.state).toBe('running');
    expect(await jobs.cancel(queued.id)).toMatchObject({ state: 'canceled' });
    expect(await jobs.cancel(running.id)).toMatchObject({ state: 'canceled' });
    expect(sawAbort).toBe(true);
    expect(getJobRow(db, running.id)).toMatchObject({ state: 'canceled' });
    expect(getJobRow(db, queued.id)).toMatchObject({ state: 'canceled' });
    // Finished jobs are answered unchanged; unknown ones are undefined.
    expect(await jobs.cancel(running.id)).toMatchObject({ state: 'canceled' });
    expect(await jobs.cancel('999')).toBeUndefined();
  });

  it('never waits for a store another connection holds: rows are written once it is free', async () => {
    const jobs = new JobRunner(rows);
    jobs.register<void>('quick', async (_input, context) => context.progress({ n: 1 }));
    db.exec('BEGIN IMMEDIATE');
    const before = performance.now();
    const job = jobs.start('quick', undefined);
    const done = await settle(jobs, job.id);
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(getJobRow(db, job.id)).toBeUndefined();
    db.exec('COMMIT');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(getJobRow(db, job.id)).toEqual(done);
  });
});
