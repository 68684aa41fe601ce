/**
 * A worker process's services (REDIS_URL deployments): the store in the shared DATA_DIR on its own
 * connections, and the job kinds registered on BullMQ queues, which it then consumes.
 */
import { join } from 'node:path';
import type { Config } from './config.ts';
import { Importer } from './import/importer.ts';
import { BullJobs } from './jobs/bull-jobs.ts';
import { JobRowWriter } from './store/job-row-writer.ts';
import { openDatabase, STORE_FILE } from './store/open-database.ts';
import { registerWasteTrainJob } from './waste/train-waste-job.ts';

export interface JobWorker {
  /** Stops taking jobs, waits for the running ones, closes the store. */
  close(): Promise<void>;
}

/** Starts consuming the import and training queues of `config.redisUrl`. */
export function createWorker(config: Config, lockMs?: number): JobWorker {
  if (config.redisUrl === undefined) throw new Error('worker: set REDIS_URL to the job queue');
  const db = openDatabase(config.dataDir);
  const rows = new JobRowWriter(join(config.dataDir, STORE_FILE));
  const jobs = new BullJobs(rows, {
    redisUrl: config.redisUrl,
    prefix: config.queuePrefix,
    role: 'worker',
    ...(lockMs === undefined ? {} : { lockMs }),
  });
  const importer = new Importer(db, jobs);
  registerWasteTrainJob(jobs, db);
  return {
    close: async () => {
      await jobs.close();
      await importer.close();
      rows.close();
      db.close();
    },
  };
}
