import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { isFinalJob, type Job } from '@graphlet/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobRowWriter } from '../store/job-row-writer.ts';
import { openDatabase, STORE_FILE } from '../store/open-database.ts';
import {
  removeTestQueueKeys,
  TEST_REDIS_URL,
  testQueuePrefix,
} from '../test-support/queue-workers.ts';
import { BullJobs } from './bull-jobs.ts';
import type { FanOut, JobQueue } from './job-queue.ts';

const ended = async (jobs: JobQueue, id: string): Promise<Job> => {
  for (;;) {
    await jobs.learn(id);
    const job = jobs.get(id);
    if (job !== undefined && isFinalJob(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Sums 1..n in n tasks; the first job to claim a key holds it (as a source row does). */
function summing(claims: Map<string, string>, ran: string[]): FanOut<{ key: string; n: number }> {
  return {
    claim: async ({ key }, id) => {
      const holder = claims.get(key);
      if (holder === undefined) claims.set(key, id);
      return holder;
    },
    plan: async ({ n }, context) => {
      ran.push(context.id);
      return { tasks: Array.from({ length: n }, (_, i) => i + 1), progress: { done: 0 } };
    },
    task: async (_input, task) => task as number,
    fold: (progress, result) => ({ done: Number(progress.done) + (result as number) }),
    aggregate: async (_input, results) => ({ sum: (results as number[]).reduce((a, b) => a + b) }),
    abandon: async () => {},
  };
}

describe('work claimed through two API processes at once (BullMQ)', () => {
  let dir: string;
  let db: DatabaseSync;
  let rows: JobRowWriter;
  let prefix: string;
  const queues: BullJobs[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'graphlet-claims-'));
    db = openDatabase(dir);
    rows = new JobRowWriter(join(dir, STORE_FILE));
    prefix = testQueuePrefix();
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
    await removeTestQueueKeys(prefix);
    rows.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An API process or a worker process of the test's queue, with the summing kind. */
  const open = (role: 'api' | 'worker', claims: Map<string, string>, ran: string[]) => {
    const jobs = new BullJobs(rows, { redisUrl: TEST_REDIS_URL, prefix, role });
    jobs.register('sum', async () => null, { fanOut: summing(claims, ran) });
    queues.push(jobs);
    return jobs;
  };

  it('runs once: the job that lost the claim ends as the holder does, with its result', async () => {
    const claims = new Map<string, string>();
    const ran: string[] = [];
    const [first, second] = [open('api', claims, ran), open('api', claims, ran)];
    open('worker', claims, ran);
    const a = first.start('sum', { key: 'file', n: 4 });
    const b = second.start('sum', { key: 'file', n: 4 });
    expect(b.id).not.toBe(a.id);
    const ends = [await ended(first, a.id), await ended(second, b.id)];
    for (const end of ends) expect(end).toMatchObject({ state: 'done', result: { sum: 10 } });
    expect(ran).toEqual([a.id]);
    // Its row says so too, for a process that reads it later.
    expect(rows.get(b.id)).toMatchObject({ state: 'done', result: { sum: 10 } });
  }, 60_000);

  it('a job following another cancels alone, through any API process: the holder runs on', async () => {
    const claims = new Map<string, string>();
    const ran: string[] = [];
    const [first, second] = [open('api', claims, ran), open('api', claims, ran)];
    const a = first.start('sum', { key: 'file', n: 3 });
    const b = second.start('sum', { key: 'file', n: 3 });
    // No worker yet: the holder waits in the queue while its follower is canceled.
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Through a third API process, which knows the follower only from its row.
    const third = open('api', claims, ran);
    await third.learn(b.id);
    expect(await third.cancel(b.id)).toMatchObject({ state: 'canceled' });
    open('worker', claims, ran);
    expect(await ended(first, a.id)).toMatchObject({ state: 'done', result: { sum: 6 } });
    expect(second.get(b.id)).toMatchObject({ state: 'canceled' });
  }, 60_000);
});
